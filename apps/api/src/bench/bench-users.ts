import { createDataSource } from '../core/database/data-source';
import { DirectorySeeder } from '../demo/directory-seeder';
import { type BenchDatabase } from './bench-database';

/** A Bapperida monitor in the bench database, signed in to the API at `apiUrl`: its access token. */
export async function signInMonitor(apiUrl: string, database: BenchDatabase): Promise<string> {
  const dataSource = await createDataSource({ url: database.appUrl, poolSize: 1 }).initialize();
  await new DirectorySeeder(dataSource).user({
    email: 'monitor@bench.example',
    name: 'Bapperida',
    password: 'Bench-Password-2026',
    platformRole: 'monitor',
  });
  await dataSource.destroy();
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'monitor@bench.example', password: 'Bench-Password-2026' }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

import { createAppDataSource } from '../app-data-source';
import { DirectorySeeder } from '../demo/directory-seeder';
import { type BenchDatabase } from './bench-database';

/** A Bapperida monitor in the bench database, signed in to the API at `apiUrl`: its access token. */
export function signInMonitor(apiUrl: string, database: BenchDatabase): Promise<string> {
  return signInPlatformUser(apiUrl, database, 'monitor');
}

/** A platform user of `role` in the bench database, signed in to the API at `apiUrl`: its access token. */
export async function signInPlatformUser(
  apiUrl: string,
  database: BenchDatabase,
  role: 'monitor' | 'platform_admin',
): Promise<string> {
  const email = `${role.replace('_', '-')}@bench.example`;
  const dataSource = await createAppDataSource({ url: database.appUrl, poolSize: 1 }).initialize();
  await new DirectorySeeder(dataSource).user({
    email,
    name: role === 'monitor' ? 'Bapperida' : 'Diskominfotik',
    password: 'Bench-Password-2026',
    platformRole: role,
  });
  await dataSource.destroy();
  return signInAgain(apiUrl, role);
}

/** A fresh access token for the platform user of `role` made above (a long run outlives one: 15 minutes). */
export async function signInAgain(apiUrl: string, role: 'monitor' | 'platform_admin'): Promise<string> {
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `${role.replace('_', '-')}@bench.example`,
      password: 'Bench-Password-2026',
    }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

import { randomBytes } from 'node:crypto';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  type EmbeddedPostgresHandle,
  startEmbeddedPostgres,
} from '../../src/core/database/embedded-postgres';

/**
 * The docker-compose topology without Docker: a bare PostgreSQL initialised by deploy/postgres/init-roles.sh
 * (as the postgres image would run it), the production entry point (dist/main.js, NODE_ENV=production)
 * migrating as laman_owner and serving as laman_app, and the first platform admin bootstrapped by the CLI.
 */
const run = promisify(execFile);
const API_DIR = path.resolve(__dirname, '../..');
const INIT_ROLES = path.resolve(API_DIR, '../../deploy/postgres/init-roles.sh');
const SUPERUSER_PASSWORD = 'compose-superuser-pw';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('production topology (compose services, run without Docker)', () => {
  let parent: string;
  let server: EmbeddedPostgresHandle;
  let env: Record<string, string>;
  let api: ChildProcess | undefined;
  let apiUrl: string;

  beforeAll(async () => {
    parent = mkdtempSync(path.join(tmpdir(), 'laman-prod-'));
    chmodSync(parent, 0o755);
    server = await startEmbeddedPostgres({
      dataDir: path.join(parent, 'pg'),
      port: await freePort(),
      superuserPassword: SUPERUSER_PASSWORD,
      throwaway: true,
    });
    await run('bash', [INIT_ROLES], {
      env: {
        ...process.env,
        POSTGRES_USER: 'postgres',
        PGHOST: '127.0.0.1',
        PGPORT: String(server.port),
        PGPASSWORD: SUPERUSER_PASSWORD,
        LAMAN_OWNER_PASSWORD: 'owner-pw-from-env',
        LAMAN_APP_PASSWORD: 'app-pw-from-env',
      },
    });
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    env = {
      ...(process.env as Record<string, string>),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_URL: `postgresql://laman_app:app-pw-from-env@127.0.0.1:${server.port}/laman`,
      DATABASE_OWNER_URL: `postgresql://laman_owner:owner-pw-from-env@127.0.0.1:${server.port}/laman`,
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
      PERSONAL_DATA_KEY: randomBytes(32).toString('base64'),
      ADMIN_URL: 'https://admin.bandarlampungkota.go.id',
    };
  });

  afterAll(async () => {
    if (api && api.exitCode === null)
      await new Promise((resolve) => (api!.once('exit', resolve), api!.kill('SIGTERM')));
    await server.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('refuses to start in production without its secrets, naming them', async () => {
    const { JWT_SECRET: _secret, PERSONAL_DATA_KEY: _key, ...withoutSecrets } = env;
    const refused = run(process.execPath, ['dist/main.js'], { cwd: API_DIR, env: withoutSecrets });
    await expect(refused).rejects.toMatchObject({
      stderr: expect.stringContaining('JWT_SECRET is required in production'),
    });
    await expect(refused).rejects.toMatchObject({
      stderr: expect.stringContaining('PERSONAL_DATA_KEY is required in production'),
    });
  });

  it('migrates, serves, and lets the bootstrapped platform admin provision an OPD', async () => {
    api = spawn(process.execPath, ['dist/main.js'], { cwd: API_DIR, env, stdio: 'ignore' });
    let healthy = false;
    // Migrations and start-up take about 3 s idle; up to 30 s while other suites share the two cores.
    for (let attempt = 0; attempt < 300 && !healthy; attempt++) {
      healthy = await fetch(`${apiUrl}/api/v1/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy).toBe(true);

    const created = await run(
      process.execPath,
      ['dist/bin/create-platform-admin.js', '--email', 'kabid@kominfo.example', '--name', 'Kepala Bidang'],
      { cwd: API_DIR, env },
    );
    const token = /token=([\w-]+)/.exec(created.stdout)?.[1];
    expect(created.stdout).toContain('https://admin.bandarlampungkota.go.id/terima-undangan?token=');
    const post = (route: string, body: object, accessToken?: string) =>
      fetch(`${apiUrl}/api/v1${route}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const accepted = await post('/auth/invitations/accept', { token, password: 'Kota-Tapis-Berseri-2026' });
    expect(accepted.status).toBe(200);
    const { accessToken } = (await accepted.json()) as { accessToken: string };
    const provisioned = await post(
      '/admin/tenants',
      {
        slug: 'disdukcapil',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        shortName: 'Disdukcapil',
        kind: 'dinas',
        firstAdmin: { email: 'admin@disdukcapil.example', name: 'Admin Disdukcapil' },
      },
      accessToken,
    );
    expect(provisioned.status).toBe(201);
  }, 120_000);
});

import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const LAUNCHER = path.resolve(here, '../../../api/dist/bin/start-demo.js');

export function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `pnpm start` as a person runs it (embedded PostgreSQL, API, site worker, sites server, admin app) on free
 * ports in a folder of its own, with `env` added; resolves once the admin answers. Waits on what it prints,
 * up to 90 s (about 20 s on an idle machine).
 */
export async function startDemo(env = {}) {
  const parent = mkdtempSync(path.join(tmpdir(), 'laman-admin-'));
  chmodSync(parent, 0o755);
  const [apiPort, dbPort, sitesPort, adminPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  let output = '';
  const launcher = spawn(process.execPath, [LAUNCHER], {
    env: {
      ...process.env,
      LAMAN_DATA_DIR: path.join(parent, 'data'),
      PORT: String(apiPort),
      LAMAN_DB_PORT: String(dbPort),
      LAMAN_SITES_PORT: String(sitesPort),
      LAMAN_ADMIN_PORT: String(adminPort),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout.on('data', (chunk) => (output += chunk));
  launcher.stderr.on('data', (chunk) => (output += chunk));
  const admin = `http://localhost:${adminPort}`;
  const stop = async () => {
    if (launcher.exitCode === null)
      await new Promise((resolve) => (launcher.once('exit', resolve), launcher.kill('SIGINT')));
    rmSync(parent, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 900 && !output.includes('Press Ctrl-C to stop.'); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (!output.includes('Press Ctrl-C to stop.')) {
    await stop();
    throw new Error(`pnpm start did not start:\n${output}`);
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    if (
      await fetch(`${admin}/masuk`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    admin,
    api: `http://localhost:${apiPort}`,
    dbPort,
    sitesPort,
    parent,
    launcher,
    output: () => output,
    stop,
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type BenchDatabase, freePort } from './bench-database';

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Peak resident memory of the API process so far (Linux VmHWM), in MB. */
  peakRssMb(): number;
  rssMb(): number;
  stop(): Promise<void>;
}

/** The production entry point (dist/main.js) as its own process, as it runs in the container. */
export async function startApi(
  database: BenchDatabase,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve(__dirname, '../main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: database.appUrl,
      DATABASE_OWNER_URL: database.ownerUrl,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
      LOG_LEVEL: 'warn',
      SCHEDULER_INTERVAL_SECONDS: '0',
      // As in the container image: fewer glibc malloc arenas keep libvips' memory from fragmenting.
      MALLOC_ARENA_MAX: '2',
      ...env,
    },
    stdio: 'inherit',
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (
    !(await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() - started > 30_000) throw new Error('API did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const status = (field: string) => {
    const line = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith(field));
    return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
  };
  return {
    url,
    child,
    peakRssMb: () => status('VmHWM'),
    rssMb: () => status('VmRSS'),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

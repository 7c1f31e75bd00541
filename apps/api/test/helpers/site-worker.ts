import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const WORKER = path.resolve(__dirname, '../../dist/bin/site-worker.js');

export interface RunningWorker {
  child: ChildProcess;
  /** What the worker printed so far (stdout and stderr). */
  log(): string;
  /** SIGTERM, and wait for it to exit (a worker already gone is left as it is). */
  stop(): Promise<void>;
}

/** The built site worker as its own process (as production runs it), on the API and database given. */
export function startSiteWorker(options: {
  databaseUrl: string;
  apiUrl: string;
  sitesDir: string;
  env?: Record<string, string>;
}): RunningWorker {
  let output = '';
  const child = spawn(process.execPath, [WORKER], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: options.databaseUrl,
      LAMAN_API_URL: options.apiUrl,
      LAMAN_SITES_DIR: options.sitesDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return {
    child,
    log: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
    },
  };
}

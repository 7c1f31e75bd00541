import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type BenchDatabase, freePort } from './bench-database';
import { productionApiEnv } from './production-env';
import { treeOf, treeResidentKb } from './resident-memory';

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /**
   * Peak resident memory so far of the API and the processes it started (its image child), sampled every
   * 20 ms and summed, in MB; never below the API's own peak (Linux VmHWM).
   */
  peakRssMb(): number;
  /** Resident memory now of the API and its child processes, in MB. */
  rssMb(): number;
  /** The API process's own peak (VmHWM), without its children, in MB. */
  ownPeakRssMb(): number;
  /**
   * Peak resident memory of the API and its children with the pages of each mapped file (the Node executable
   * both run) counted once (resident-memory.ts), sampled every 20 ms, in MB.
   */
  peakResidentMb(): number;
  stop(): Promise<void>;
}

export { BENCH_SECRETS } from './production-env';

/**
 * The production entry point (dist/main.js) as its own process, as it runs in the container; held to the
 * cores `cpus` lists (`taskset -c`, which execs it: the pid is the API's) when given.
 */
export async function startApi(
  database: BenchDatabase,
  env: Record<string, string> = {},
  cpus?: string,
): Promise<ApiProcess> {
  const port = await freePort();
  const entry = [process.execPath, path.resolve(__dirname, '../main.js')];
  const [command, ...args] = cpus ? ['taskset', '-c', cpus, ...entry] : entry;
  const child = spawn(command!, args, {
    env: productionApiEnv(database, {
      PORT: String(port),
      NODE_OPTIONS: '--max-semi-space-size=4',
      ...env,
    }),
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
  let peakKb = 0;
  let peakResidentKb = 0;
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, treeRssKb(child.pid!));
    peakResidentKb = Math.max(peakResidentKb, treeResidentKb(child.pid!));
  }, 20);
  return {
    url,
    child,
    peakRssMb: () => Math.round(Math.max(peakKb, statusKb(child.pid!, 'VmHWM')) / 1024),
    rssMb: () => Math.round(treeRssKb(child.pid!) / 1024),
    ownPeakRssMb: () => Math.round(statusKb(child.pid!, 'VmHWM') / 1024),
    peakResidentMb: () => Math.round(peakResidentKb / 1024),
    stop: () =>
      new Promise((resolve) => {
        clearInterval(sampler);
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function statusKb(pid: number, field: string): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith(field));
    return Number(line?.replace(/\D+/g, '') ?? 0);
  } catch {
    return 0; // the process has just exited
  }
}

/** VmRSS of a process and all its descendants, summed, in kB. */
function treeRssKb(pid: number): number {
  return treeOf(pid).reduce((sum, member) => sum + statusKb(member, 'VmRSS'), 0);
}

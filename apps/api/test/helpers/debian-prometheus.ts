import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { eventually } from './eventually';
import { freePort } from './free-port';

const PROMETHEUS = '/usr/bin/prometheus';

export interface ScrapeTarget {
  job: string;
  /** host:port */
  address: string;
  metricsPath?: string;
  token?: string;
}

export interface RunningPrometheus {
  /** An instant query's result vector (Prometheus's HTTP API). */
  query(expression: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  /** Prometheus's own HTTP API, for targets and rules. */
  api<T>(route: string): Promise<T>;
  log(): string;
  stop(): Promise<void>;
}

/**
 * Debian's Prometheus, scraping the targets every second and evaluating the rule files every second: the real
 * reader of the metrics and the real judge of the alerts' expressions.
 */
export async function startPrometheus(
  targets: ScrapeTarget[],
  ruleFiles: string[],
): Promise<RunningPrometheus> {
  const folder = await mkdtemp(path.join(tmpdir(), 'laman-prometheus-'));
  const port = await freePort();
  const config = {
    global: { scrape_interval: '1s', evaluation_interval: '1s', scrape_timeout: '1s' },
    rule_files: ruleFiles,
    scrape_configs: targets.map((target) => ({
      job_name: target.job,
      metrics_path: target.metricsPath ?? '/metrics',
      ...(target.token ? { authorization: { credentials: target.token } } : {}),
      static_configs: [{ targets: [target.address] }],
    })),
  };
  await writeFile(path.join(folder, 'prometheus.yml'), stringify(config));
  let output = '';
  const child: ChildProcess = spawn(
    PROMETHEUS,
    [
      `--config.file=${path.join(folder, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(folder, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const api = async <T>(route: string): Promise<T> => {
    const answer = await fetch(`http://127.0.0.1:${port}/api/v1/${route}`);
    const body = (await answer.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`Prometheus ${route}: ${body.error}`);
    return body.data;
  };
  const ready = await eventually(
    () =>
      fetch(`http://127.0.0.1:${port}/-/ready`).then(
        (answer) => answer.ok,
        () => false,
      ),
    (ok) => ok || child.exitCode !== null,
    { withinMs: 60_000, everyMs: 200 },
  );
  if (!ready) throw new Error(`Prometheus did not start:\n${output}`);
  return {
    api,
    query: (expression) =>
      api<{ result: Array<{ metric: Record<string, string>; value: [number, string] }> }>(
        `query?query=${encodeURIComponent(expression)}`,
      ).then((data) => data.result),
    log: () => output,
    async stop() {
      if (child.exitCode === null)
        await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);
const NGINX = '/usr/sbin/nginx';
const DEPLOY = path.resolve(__dirname, '../../../../deploy/nginx');

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RunningNginx {
  port: number;
  /** What nginx wrote to stderr so far (empty while all is well). */
  log(): string;
  stop(): Promise<void>;
}

/** A plain HTTP request to 127.0.0.1:`port` with the Host header given (nginx picks the site by it). */
export function get(
  port: number,
  host: string,
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: urlPath, headers: { Host: host, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('latin1');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** What deploy/nginx/entrypoint.sh does with envsubst. */
function render(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{(LAMAN_[A-Z_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for ${name}`);
    return value;
  });
}

/**
 * Debian's nginx with one of the production templates (deploy/nginx/<template>.conf.template), rendered as the
 * container's entry point renders it, listening on a free port of 127.0.0.1; resolves once it answers.
 */
export async function startNginx(
  template: 'nginx' | 'api-gateway',
  runtime: string,
  values: Record<string, string>,
): Promise<RunningNginx> {
  if (!existsSync(NGINX))
    throw new Error(`${NGINX} is missing: apt-get install nginx-light libnginx-mod-http-brotli-filter`);
  const port = await freePort();
  await mkdir(runtime, { recursive: true });
  const config = path.join(runtime, 'nginx.conf');
  const source = await readFile(path.join(DEPLOY, `${template}.conf.template`), 'utf8');
  await writeFile(
    config,
    render(source, {
      LAMAN_NGINX_PORT: `127.0.0.1:${port}`,
      LAMAN_NGINX_RUNTIME: runtime,
      // As deploy/nginx/entrypoint.sh: no load balancer in front unless a test names one.
      LAMAN_EDGE_REAL_IP_FROM: '192.0.2.1/32',
      ...values,
    }),
  );
  await run(NGINX, ['-t', '-q', '-e', 'stderr', '-c', config]);
  const nginx: ChildProcess = spawn(NGINX, ['-e', 'stderr', '-c', config, '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  nginx.stderr?.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 15_000;
  while (
    !(await get(port, 'localhost', '/').then(
      () => true,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) throw new Error(`nginx did not answer: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    log: () => log,
    stop: async () => {
      if (nginx.exitCode === null)
        await new Promise((resolve) => (nginx.once('exit', resolve), nginx.kill('SIGQUIT')));
    },
  };
}

const SITE_BUILDER = path.resolve(__dirname, '../../../site/scripts/build-site.mjs');

/**
 * An OPD's site built from the API into `<root>/sites` (readable by nginx's unprivileged workers, as in the
 * volume) and Debian's nginx with the production sites template in front of it, asking the API what it has no
 * file for.
 */
export async function builtSiteBehindNginx(
  root: string,
  apiUrl: string,
  slug: string,
  domain = 'bandarlampungkota.go.id',
): Promise<{ sites: string; nginx: RunningNginx }> {
  const sites = path.join(root, 'sites');
  await run(process.execPath, [SITE_BUILDER, '--api', apiUrl, '--tenant', slug, '--out', sites], {
    env: { ...process.env, LAMAN_SITES_DOMAIN: domain },
  });
  await run('chmod', ['-R', 'a+rX', sites]);
  const nginx = await startNginx('nginx', path.join(root, 'run'), {
    LAMAN_SITES_ROOT: sites,
    LAMAN_MEDIA_ORIGIN: apiUrl,
    LAMAN_API_UPSTREAM: apiUrl,
  });
  return { sites, nginx };
}

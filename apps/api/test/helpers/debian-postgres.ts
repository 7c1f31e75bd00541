import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

export interface RunningPostgres {
  port: number;
  /** The superuser (trust authentication on 127.0.0.1), for the backup and restore tools. */
  superuserUrl: string;
  stop(): Promise<void>;
}

/** The `postgres` account when this runs as root (PostgreSQL refuses to run as root), else this user. */
async function serverAccount(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * A PostgreSQL server of Debian's own (15), whose `pg_dump` and `pg_restore` match it — the tools the backup
 * service and the documented restore use (the embedded server is newer than Debian's client tools). A cluster
 * of its own in a temporary folder, on a free port, stopped and removed afterwards: "a fresh host".
 */
export async function startDebianPostgres(): Promise<RunningPostgres> {
  const folder = await mkdtemp(path.join(tmpdir(), 'laman-pg15-'));
  const account = await serverAccount();
  await chmod(folder, 0o755);
  if (account) await chown(folder, account.uid, account.gid);
  const port = await freePort();
  const data = path.join(folder, 'data');
  const as = account ?? {};
  await run(`${BIN}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], as);
  await run(
    `${BIN}/pg_ctl`,
    [
      '-D',
      data,
      '-w',
      '-l',
      path.join(folder, 'log'),
      '-o',
      `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`,
      'start',
    ],
    as,
  );
  return {
    port,
    superuserUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await run(`${BIN}/pg_ctl`, ['-D', data, '-w', '-m', 'fast', 'stop'], as).catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { type DataSource } from 'typeorm';
import { createAppDataSource } from '../../src/app-data-source';
import { runMigrations } from '../../src/core/database/data-source';
import { createApp } from '../../src/create-app';
import { sampleFields } from '../helpers/content-samples';
import { startDebianPostgres, type RunningPostgres } from '../helpers/debian-postgres';
import { eventually } from '../helpers/eventually';
import { Given } from '../helpers/given';
import { smallJpeg } from '../helpers/media-corpus';
import { type RunningWorker, startSiteWorker } from '../helpers/site-worker';
import { mediaDirOf, testConfig } from '../helpers/test-app';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../../..');
const BACKUP_SCRIPT = path.join(ROOT, 'deploy/backup/db-backup.sh');
const INIT_ROLES = path.join(ROOT, 'deploy/postgres/init-roles.sh');
const PASSWORDS = { LAMAN_OWNER_PASSWORD: 'drill-owner-pw', LAMAN_APP_PASSWORD: 'drill-app-pw' };

interface Host {
  server: RunningPostgres;
  database: { name: string; ownerUrl: string; appUrl: string };
  env: NodeJS.ProcessEnv;
}

/** A host as compose makes it: Debian's PostgreSQL, its roles and empty database by the real init script. */
async function freshHost(): Promise<Host> {
  const server = await startDebianPostgres();
  const env = { ...process.env, PGHOST: '127.0.0.1', PGPORT: String(server.port), POSTGRES_USER: 'postgres' };
  await run('bash', [INIT_ROLES], { env: { ...env, ...PASSWORDS } });
  const url = (role: string, password: string) =>
    `postgresql://${role}:${password}@127.0.0.1:${server.port}/laman`;
  return {
    server,
    env,
    database: {
      name: `laman_drill_${randomBytes(4).toString('hex')}`,
      ownerUrl: url('laman_owner', PASSWORDS.LAMAN_OWNER_PASSWORD),
      appUrl: url('laman_app', PASSWORDS.LAMAN_APP_PASSWORD),
    },
  };
}

/**
 * The restore drill, as the operators' guide (operator/cadangan) tells it, with the real scripts: the nightly
 * backup service's `pg_dump` (deploy/backup/db-backup.sh) and a copy of the media; the host is lost; a fresh host
 * gets its roles from deploy/postgres/init-roles.sh, the documented `pg_restore`, the media back — and then every
 * OPD's content, accounts, files and isolation are there, nothing is left to migrate, and the sites build again
 * from the database (they are never backed up).
 */
describe('backup and restore drill', () => {
  let folder: string;
  const hosts: Host[] = [];
  const apps: INestApplication[] = [];
  const dataSources: DataSource[] = [];
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'laman-drill-'));
  });
  afterAll(async () => {
    await worker?.stop();
    for (const app of apps) await app.close().catch(() => undefined);
    for (const dataSource of dataSources) await dataSource.destroy().catch(() => undefined);
    for (const host of hosts) {
      await host.server.stop();
      await rm(mediaDirOf(host.database), { recursive: true, force: true });
    }
    await rm(folder, { recursive: true, force: true });
  });

  async function startApi(host: Host, env: Record<string, string> = {}) {
    const app = await createApp(testConfig(host.database, env));
    apps.push(app);
    await app.listen(0, '127.0.0.1');
    const dataSource = await createAppDataSource({ url: host.database.appUrl, poolSize: 2 }).initialize();
    dataSources.push(dataSource);
    const http = () => request(app.getHttpServer());
    return { app, http, dataSource, given: new Given(dataSource, http) };
  }

  it("brings back every OPD's content, accounts, files and isolation on a fresh host; the sites build again", async () => {
    // The host in service, with two OPDs' published work.
    const original = await freshHost();
    hosts.push(original);
    await runMigrations(original.database.ownerUrl);
    const before = await startApi(original);
    const [dinas, other] = [await before.given.tenant(), await before.given.tenant()];
    const editor = await before.given.member(dinas, 'editor');
    const signedIn = await before.given.signedIn(editor);
    const photo = await smallJpeg();
    const uploaded = await before
      .http()
      .post(`/api/v1/tenants/${dinas.slug}/media`)
      .set(signedIn.auth)
      .attach('file', photo, 'posko.jpg');
    expect(uploaded.status).toBe(201);
    const title = 'Posko siaga banjir dibuka di Kecamatan Panjang';
    const created = await before
      .http()
      .post(`/api/v1/tenants/${dinas.slug}/content/berita`)
      .set(signedIn.auth)
      .send({
        fields: {
          ...sampleFields('berita', title),
          cover: { mediaId: uploaded.body.id, alt: 'Tenda posko siaga banjir di halaman kecamatan' },
        },
      });
    const published = await before
      .http()
      .post(`/api/v1/tenants/${dinas.slug}/content/items/${created.body.id}/publish`)
      .set(signedIn.auth)
      .send({ version: 1 });
    expect(published.status).toBe(200);
    const otherEditor = await before.given.memberSignedIn(other, 'editor');
    const otherNews = await before
      .http()
      .post(`/api/v1/tenants/${other.slug}/content/berita`)
      .set(otherEditor.auth)
      .send({ fields: sampleFields('berita', 'Berita OPD lain') });
    expect(otherNews.status).toBe(201);
    const publicItem = await before
      .http()
      .get(`/api/v1/public/${dinas.slug}/content/berita/${published.body.slug}`);
    expect(publicItem.status).toBe(200);
    const coverPath = new URL(publicItem.body.fields.cover.url).pathname;
    const coverBytes = (await before.http().get(coverPath)).body as Buffer;
    const policies = (await before.dataSource.query(`SELECT count(*)::int AS n FROM pg_policies`))[0].n;

    // The nightly backup: the backup service's own script, once; the media folder copied beside it.
    const backups = path.join(folder, 'backups');
    await run('sh', [BACKUP_SCRIPT], {
      env: { ...original.env, PGDATABASE: 'laman', BACKUP_DIR: path.join(backups, 'db'), BACKUP_ONCE: '1' },
    });
    const dumps = (await readdir(path.join(backups, 'db'))).filter((name) => /^laman-.*\.dump$/.test(name));
    expect(dumps).toHaveLength(1);
    await cp(mediaDirOf(original.database), path.join(backups, 'media'), { recursive: true });

    // The host is lost: its API, its database server and its media with it.
    await before.app.close();
    await original.server.stop();
    await rm(mediaDirOf(original.database), { recursive: true, force: true });

    // A fresh host: roles by the init script, then the documented pg_restore and the media back.
    const restored = await freshHost();
    hosts.push(restored);
    await new Promise<void>((resolve, reject) => {
      const restore = spawn(
        'pg_restore',
        ['-U', 'postgres', '-d', 'laman', '--clean', '--if-exists', '--no-owner', '--role=laman_owner'],
        { env: restored.env, stdio: ['pipe', 'ignore', 'pipe'] },
      );
      let errors = '';
      restore.stderr.on('data', (chunk) => (errors += chunk));
      createReadStream(path.join(backups, 'db', dumps[0]!)).pipe(restore.stdin);
      restore.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`pg_restore: ${code}\n${errors}`)),
      );
    });
    await cp(path.join(backups, 'media'), mediaDirOf(restored.database), { recursive: true });
    expect(await runMigrations(restored.database.ownerUrl)).toEqual([]);

    const sites = path.join(folder, 'sites');
    const after = await startApi(restored, { LAMAN_SITES_DIR: sites });
    // Content and files, as citizens read them.
    const again = await after
      .http()
      .get(`/api/v1/public/${dinas.slug}/content/berita/${published.body.slug}`);
    expect({ status: again.status, title: again.body.fields?.title }).toEqual({ status: 200, title });
    const cover = await after.http().get(coverPath);
    expect(cover.status).toBe(200);
    expect(Buffer.compare(cover.body as Buffer, coverBytes)).toBe(0);
    // Accounts: the editor signs in with the same password, and still sees only their own OPD.
    const back = await after.given.signedIn(editor);
    const own = await after.http().get(`/api/v1/tenants/${dinas.slug}/content`).set(back.auth);
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).toContain(title);
    expect([403, 404]).toContain(
      (await after.http().get(`/api/v1/tenants/${other.slug}/content`).set(back.auth)).status,
    );
    // Row-level security came back with the tables: nothing shows without an OPD, and every policy is there.
    expect(await after.dataSource.query(`SELECT count(*)::int AS n FROM content_items`)).toEqual([{ n: 0 }]);
    expect((await after.dataSource.query(`SELECT count(*)::int AS n FROM pg_policies`))[0].n).toBe(policies);

    // The sites were not backed up: rebuilt from the database, as the guide says.
    const port = (after.app.getHttpServer().address() as AddressInfo).port;
    worker = startSiteWorker({
      databaseUrl: restored.database.appUrl,
      apiUrl: `http://127.0.0.1:${port}`,
      sitesDir: sites,
    });
    const platform = await after.given.platformSignedIn('platform_admin');
    const rebuild = await after
      .http()
      .post('/api/v1/admin/sites/rebuild')
      .set(platform.auth)
      .send({ tenants: [dinas.slug] });
    expect(rebuild.status).toBe(202);
    const page = path.join(sites, dinas.slug, 'live', 'berita', published.body.slug, 'index.html');
    const html = await eventually(
      () => readFile(page, 'utf8').catch(() => ''),
      (text) => text.includes(title),
      { withinMs: 180_000, everyMs: 500 },
    );
    expect({ built: html.includes(title), log: html.includes(title) ? '' : worker.log() }).toEqual({
      built: true,
      log: '',
    });
  }, 420_000);
});

import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import { wxrExport } from '../../src/bench/wxr-fixture';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { smallJpeg } from '../helpers/media-corpus';
import { asSuperuser } from '../helpers/superuser';
import { mediaDirOf, startTestApp, type TestApp } from '../helpers/test-app';

const run = promisify(execFile);
const COMMAND = path.resolve(__dirname, '../../dist/bin/wordpress-import.js');
const BASE = 'https://dispora.bandarlampungkota.go.id';

/**
 * `pnpm wordpress-import --opd <slug> --as <admin> <export> --uploads <zip>`: the import from files on the
 * server, as an operator runs it (built), on the API's database and media folder: the OPD's site fills, a second
 * run changes nothing, and a wrong OPD or a person who is not a platform admin is refused plainly.
 */
describe('the WordPress import command', () => {
  let t: TestApp;
  let folder: string;
  let opd: Tenant;
  let adminEmail: string;
  let files: { xml: string; zip: string };

  beforeAll(async () => {
    t = await startTestApp();
    opd = await t.given.tenant();
    adminEmail = (await t.given.user({ platformRole: 'platform_admin' })).email;
    folder = await mkdtemp(path.join(tmpdir(), 'laman-wp-command-'));
    files = { xml: path.join(folder, 'ekspor.xml'), zip: path.join(folder, 'uploads.zip') };
    await writeFile(
      files.xml,
      wxrExport({ baseUrl: BASE, title: 'Dispora' }, [
        {
          id: 9,
          type: 'attachment',
          title: 'Pembukaan porseni',
          attachmentUrl: `${BASE}/wp-content/uploads/2022/08/porseni.jpg`,
          meta: { _wp_attachment_image_alt: 'Wali kota membuka porseni' },
        },
        {
          id: 1,
          title: 'Porseni Pelajar Resmi Dibuka',
          date: '2022-08-15 08:00:00',
          meta: { _thumbnail_id: '9' },
        },
        { id: 2, type: 'page', title: 'Sejarah Dispora', slug: 'sejarah' },
      ]),
    );
    await writeFile(files.zip, zipSync({ 'uploads/2022/08/porseni.jpg': await smallJpeg() }));
  });
  afterAll(async () => {
    await t.close();
    await rm(folder, { recursive: true, force: true });
  });

  const command = (args: string[]) =>
    run(process.execPath, [COMMAND, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: t.database.appUrl,
        DATABASE_OWNER_URL: t.database.ownerUrl,
        LAMAN_DATA_DIR: path.join(folder, 'data'),
        LAMAN_MEDIA_DIR: mediaDirOf(t.database),
        LOG_LEVEL: 'warn',
      },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('imports the files given into the OPD, and changes nothing when run again', async () => {
    const first = await command(['--opd', opd.slug, '--as', adminEmail, files.xml, '--uploads', files.zip]);
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(first.stdout).toContain('Baru 3 · Diperbarui 0 · Tidak berubah 0');
    const news = await t.http().get(`/api/v1/public/${opd.slug}/content/berita/post-1`);
    expect(news.status).toBe(200);
    expect(news.body.publishedAt).toBe('2022-08-15T01:00:00.000Z');
    expect((await t.http().get(new URL(news.body.fields.cover.url).pathname)).status).toBe(200);
    const [runs] = await asSuperuser<{ n: number }>(
      t.database,
      `SELECT count(*)::int AS n FROM wordpress_imports WHERE tenant_id = $1 AND status = 'done'`,
      [opd.id],
    );
    expect(runs!.n).toBe(1);
    const again = await command(['--opd', opd.slug, '--as', adminEmail, files.xml, '--uploads', files.zip]);
    expect(again.stdout).toContain('Baru 0 · Diperbarui 0 · Tidak berubah 3');
  }, 120_000);

  it("imports a folder of OPDs' sites, each file named by its OPD, one after another", async () => {
    const [one, two] = [await t.given.tenant(), await t.given.tenant()];
    const batch = await mkdtemp(path.join(folder, 'kota-'));
    await copyFile(files.xml, path.join(batch, `${one.slug}.xml`));
    await copyFile(files.zip, path.join(batch, `${one.slug}.zip`));
    await copyFile(files.xml, path.join(batch, `${two.slug}.xml`));
    await writeFile(path.join(batch, 'BACA-SAYA.txt'), 'bukan ekspor');
    const done = await command(['--as', adminEmail, '--folder', batch]);
    expect({ code: done.code, stderr: done.stderr }).toEqual({ code: 0, stderr: '' });
    expect(done.stdout).toContain(`== ${one.slug}\nBaru 3 ·`);
    expect(done.stdout).toMatch(new RegExp(`== ${two.slug}\\nBaru \\d`));
    const imported = await asSuperuser<{ tenant_id: string; n: number }>(
      t.database,
      `SELECT tenant_id, count(*)::int AS n FROM wordpress_imports WHERE tenant_id = ANY($1) AND status = 'done'
        GROUP BY tenant_id`,
      [[one.id, two.id]],
    );
    expect(imported).toHaveLength(2);
  }, 180_000);

  it('refuses a folder with any file it cannot take, naming each, and imports none of it', async () => {
    const good = await t.given.tenant();
    const batch = await mkdtemp(path.join(folder, 'kota-'));
    await copyFile(files.xml, path.join(batch, `${good.slug}.xml`));
    await copyFile(files.xml, path.join(batch, 'opd-tak-dikenal.xml'));
    await writeFile(path.join(batch, 'yatim.zip'), 'zip');
    const refused = await command(['--as', adminEmail, '--folder', batch]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('files[opd-tak-dikenal.xml]: tidak ada OPD aktif');
    expect(refused.stderr).toContain('files[yatim.zip]: arsip unggahan tanpa berkas ekspor');
    const [runs] = await asSuperuser<{ n: number }>(
      t.database,
      `SELECT count(*)::int AS n FROM wordpress_imports WHERE tenant_id = $1`,
      [good.id],
    );
    expect(runs!.n).toBe(0);
  }, 60_000);

  it.each([
    [
      'an OPD that does not exist',
      () => ['--opd', 'tidak-ada', '--as', adminEmail, files.xml],
      'OPD tidak ditemukan',
    ],
    [
      'a folder and an OPD at once',
      () => ['--opd', opd.slug, '--as', adminEmail, '--folder', folder],
      'Pakai:',
    ],
    [
      'someone who is not a platform admin',
      () => ['--opd', opd.slug, '--as', 'orang@contoh.go.id', files.xml],
      'bukan admin platform',
    ],
    [
      'a missing export',
      () => ['--opd', opd.slug, '--as', adminEmail, path.join(folder, 'hilang.xml')],
      'Berkas tidak ditemukan',
    ],
  ])(
    'refuses %s plainly, writing nothing',
    async (_name, args, message) => {
      const before = await asSuperuser<{ n: number }>(
        t.database,
        `SELECT count(*)::int AS n FROM content_items`,
      );
      const refused = await command(args());
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(message);
      expect(await asSuperuser(t.database, `SELECT count(*)::int AS n FROM content_items`)).toEqual(before);
    },
    60_000,
  );
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import { wxrExport } from '../../src/bench/wxr-fixture';

const run = promisify(execFile);
const COMMAND = path.resolve(__dirname, '../../dist/bin/wordpress-dry-run.js');
const BASE = 'https://dispora.bandarlampungkota.go.id';

/** `pnpm wordpress-dry-run <export>`: the dry run for an export on the server, as an operator runs it (built). */
describe('the WordPress dry-run command', () => {
  let folder: string;
  beforeAll(async () => (folder = await mkdtemp(path.join(tmpdir(), 'laman-wxr-cli-'))));
  afterAll(() => rm(folder, { recursive: true, force: true }));

  const exportFile = async (name: string, text: string) => {
    const file = path.join(folder, name);
    await writeFile(file, text);
    return file;
  };
  const attempt = (args: string[]) =>
    run(process.execPath, [COMMAND, ...args]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('prints what would come in, and the whole report as JSON when asked', async () => {
    const file = await exportFile(
      'ekspor.xml',
      wxrExport({ baseUrl: BASE, title: 'Dispora' }, [
        { id: 1, title: 'Pekan Olahraga Pelajar' },
        { id: 2, title: 'Draf', status: 'draft' },
        { id: 3, type: 'revision', title: 'Revisi' },
      ]),
    );
    const text = await attempt([file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Situs: Dispora — ${BASE} (WXR 1.2)`);
    expect(text.stdout).toContain('Berita 2 · Halaman 0 · Dokumen 0 · Foto 0');
    expect(text.stdout).toContain('Revisi: bukan konten situs (revision)');
    const json = await attempt([file, '--json']);
    expect(JSON.parse(json.stdout).totals).toMatchObject({ items: 3, berita: 2, drafts: 1, skipped: 1 });
  });

  it('checks an archive of the old uploads against the files the export names', async () => {
    const file = await exportFile(
      'lampiran.xml',
      wxrExport({ baseUrl: BASE }, [
        {
          id: 7,
          type: 'attachment',
          title: 'ada',
          attachmentUrl: `${BASE}/wp-content/uploads/2023/05/ada.jpg`,
        },
        {
          id: 8,
          type: 'attachment',
          title: 'hilang',
          attachmentUrl: `${BASE}/wp-content/uploads/2023/05/hilang.jpg`,
        },
      ]),
    );
    const uploads = path.join(folder, 'uploads.zip');
    await writeFile(uploads, zipSync({ 'wp-content/uploads/2023/05/ada.jpg': Buffer.alloc(100, 1) }));
    const checked = await attempt([file, '--uploads', uploads]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('Arsip unggahan: 1 berkas; 1 berkas disebut ekspor tetapi tidak ada');
    expect(checked.stdout).toContain('hilang: berkas 2023/05/hilang.jpg tidak ada di arsip unggahan');
    const notZip = await attempt([file, '--uploads', file]);
    expect({ code: notZip.code, stderr: notZip.stderr.trim() }).toEqual({
      code: 1,
      stderr: 'Arsip unggahan WordPress tidak dapat dibaca: bukan berkas zip',
    });
  });

  it('refuses a hostile export, a missing file and a wrong call with a message and a failing exit', async () => {
    const hostile = await exportFile(
      'jahat.xml',
      wxrExport({ baseUrl: BASE }, []).replace('<rss', '<!DOCTYPE rss [<!ENTITY a "a">]>\n<rss'),
    );
    const refused = await attempt([hostile]);
    expect({ code: refused.code, stdout: refused.stdout }).toEqual({ code: 1, stdout: '' });
    expect(refused.stderr).toContain('Berkas ekspor WordPress tidak dapat dibaca: berkas memuat DOCTYPE');
    const missing = await attempt([path.join(folder, 'tidak-ada.xml')]);
    expect({ code: missing.code, stderr: missing.stderr.trim() }).toEqual({
      code: 1,
      stderr: `Berkas tidak ditemukan: ${path.join(folder, 'tidak-ada.xml')}`,
    });
    expect((await attempt([])).code).toBe(2);
  });
});

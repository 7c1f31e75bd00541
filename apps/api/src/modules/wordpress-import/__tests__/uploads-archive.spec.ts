import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { zipSync } from 'fflate';
import { wxrExport } from '../../../bench/wxr-fixture';
import { DomainError } from '../../../core/errors/domain-error';
import { dryRun } from '../dry-run';
import { UploadsArchive, uploadPathOf } from '../uploads-archive';

const BASE = 'https://dinsos.bandarlampungkota.go.id';
const PHOTO = Buffer.alloc(5_000, 7);

describe('the old site’s uploads, as a zip', () => {
  let folder: string;
  beforeAll(async () => (folder = await mkdtemp(path.join(tmpdir(), 'laman-uploads-'))));
  afterAll(() => rm(folder, { recursive: true, force: true }));

  const zipOf = async (name: string, files: Record<string, Uint8Array>) => {
    const file = path.join(folder, name);
    await writeFile(file, zipSync(files, { level: 6 }));
    return file;
  };
  const refusal = async (work: () => Promise<unknown>) =>
    work().then(
      () => null,
      (error: unknown) => (error instanceof DomainError ? error.details[0]?.constraint : String(error)),
    );

  it('finds files by their upload path under any leading folder, and streams one out', async () => {
    expect(uploadPathOf('wp-content/uploads/2023/05/foto.jpg')).toBe('2023/05/foto.jpg');
    expect(uploadPathOf('uploads\\2023\\05\\foto.jpg')).toBe('2023/05/foto.jpg');
    expect(uploadPathOf('./2023/05/foto.jpg')).toBe('2023/05/foto.jpg');
    expect(uploadPathOf('wp-content/uploads/2023/')).toBeNull();
    const archive = await UploadsArchive.open(
      await zipOf('uploads.zip', {
        'wp-content/uploads/2023/05/foto.jpg': PHOTO,
        'wp-content/uploads/2022/01/renstra.pdf': Buffer.from('%PDF-1.4'),
      }),
    );
    try {
      expect(archive.files).toBe(2);
      expect(archive.find('2023/05/foto.jpg')).toEqual({ size: PHOTO.length });
      expect(archive.find('2023/05/lain.jpg')).toBeNull();
      const out = path.join(folder, 'keluar.bin');
      expect(await archive.extract('2023/05/foto.jpg', out, 10_000)).toBe(PHOTO.length);
      expect(await readFile(out)).toEqual(PHOTO);
      expect(await refusal(() => archive.extract('2023/05/foto.jpg', out, 1_000))).toBe('fileTooLarge');
    } finally {
      archive.close();
    }
  });

  it('refuses an archive whose names climb out of it or start at the root', async () => {
    for (const name of ['../../etc/2023/05/x.jpg', '/etc/2023/05/x.jpg'])
      expect(
        await refusal(async () => UploadsArchive.open(await zipOf('jahat.zip', { [name]: PHOTO }))),
      ).toBe('unsafeName');
  });

  it('refuses a file that inflates past the size it declares (a zip bomb), and a file that is no zip', async () => {
    const honest = zipSync({ 'uploads/2023/05/bom.jpg': Buffer.alloc(200_000) }, { level: 9 });
    const lying = Buffer.from(honest);
    // Declare 100 bytes in the local header and the central directory; it still inflates to 200,000.
    lying.writeUInt32LE(100, 22);
    const central = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, central + 24);
    const file = path.join(folder, 'bom.zip');
    await writeFile(file, lying);
    const archive = await UploadsArchive.open(file);
    try {
      expect(archive.find('2023/05/bom.jpg')).toEqual({ size: 100 });
      expect(
        await refusal(() => archive.extract('2023/05/bom.jpg', path.join(folder, 'bom.bin'), 1_000)),
      ).not.toBeNull();
    } finally {
      archive.close();
    }
    const notZip = path.join(folder, 'bukan.zip');
    await writeFile(notZip, 'bukan zip');
    expect(await refusal(() => UploadsArchive.open(notZip))).toBe('notZip');
  });

  it('lets the dry run say which files the export names that the archive lacks', async () => {
    const archive = await UploadsArchive.open(
      await zipOf('sebagian.zip', { 'wp-content/uploads/2023/05/ada.jpg': PHOTO }),
    );
    try {
      const text = wxrExport({ baseUrl: BASE }, [
        {
          id: 1,
          type: 'attachment',
          title: 'ada',
          attachmentUrl: `${BASE}/wp-content/uploads/2023/05/ada.jpg`,
        },
        {
          id: 2,
          type: 'attachment',
          title: 'hilang',
          attachmentUrl: `${BASE}/wp-content/uploads/2023/05/hilang%20foto.jpg`,
        },
        {
          id: 3,
          type: 'attachment',
          title: 'Renja 2024',
          attachmentUrl: `${BASE}/wp-content/uploads/2024/01/renja.pdf`,
          meta: { _wp_attached_file: '2024/01/renja.pdf' },
        },
      ]);
      const report = await dryRun(() => Readable.from([text]), { archive });
      expect(report.archive).toEqual({ files: 1, missing: 2 });
      expect(report.review.map((noted) => [noted.sourceId, noted.notes.at(-1)])).toEqual([
        [2, 'berkas 2023/05/hilang foto.jpg tidak ada di arsip unggahan'],
        [3, 'berkas 2024/01/renja.pdf tidak ada di arsip unggahan'],
      ]);
      expect((await dryRun(() => Readable.from([text]))).archive).toBeNull();
    } finally {
      archive.close();
    }
  });
});

import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Entry, openPromise, type ZipFile } from 'yauzl';
import { DomainError, fieldError } from '../../core/errors/domain-error';

/** Entries an uploads archive may list: a city site of twenty years has tens of thousands of files. */
export const ARCHIVE_MAX_ENTRIES = 300_000;

function refused(reason: string, constraint: string): DomainError {
  return new DomainError('UNPROCESSABLE_FILE', `Arsip unggahan WordPress tidak dapat dibaca: ${reason}`, [
    fieldError('uploads', constraint, reason),
  ]);
}

/**
 * An upload path (`2023/05/foto.jpg`) as WordPress names it in `_wp_attached_file`, from any of the names an
 * archive of `wp-content/uploads` gives it (`wp-content/uploads/2023/…`, `uploads/2023/…`, `2023/…`).
 */
export function uploadPathOf(name: string): string | null {
  const path = name.replace(/\\/g, '/').replace(/^\.\//, '');
  const at = path.lastIndexOf('uploads/');
  const rest = at >= 0 ? path.slice(at + 'uploads/'.length) : path;
  return rest && !rest.endsWith('/') ? rest : null;
}

/**
 * A zip of the old site's `wp-content/uploads`, read from its central directory (yauzl): which files it holds
 * and how large each says it is, and each one streamed out on demand — never unpacked whole. Names are only keys
 * here (a file is written to a name the caller chooses), and an archive with a name that climbs out (`../`) or
 * starts at the root is refused whole; a file is refused when it says it is larger than allowed, and yauzl
 * refuses one that inflates past what it said.
 */
export class UploadsArchive {
  private constructor(
    private readonly zip: ZipFile,
    private readonly byPath: Map<string, Entry>,
  ) {}

  static async open(file: string): Promise<UploadsArchive> {
    const zip = await openPromise(file, { lazyEntries: true, autoClose: false }).catch(() => {
      throw refused('bukan berkas zip', 'notZip');
    });
    const byPath = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        if (byPath.size >= ARCHIVE_MAX_ENTRIES)
          throw refused('terlalu banyak berkas dalam arsip', 'tooManyEntries');
        const path = uploadPathOf(entry.fileName);
        if (path) byPath.set(path, entry);
      }
    } catch (error) {
      zip.close();
      if (error instanceof DomainError) throw error;
      // yauzl refuses names that climb out of the archive or start at the root: a real uploads folder has none.
      if (/invalid relative path|absolute path|invalid characters/i.test((error as Error).message))
        throw refused('arsip memuat nama berkas yang berbahaya', 'unsafeName');
      throw refused('arsip zip rusak', 'brokenZip');
    }
    return new UploadsArchive(zip, byPath);
  }

  /** The archive's file for an upload path, with the size it says it has. */
  find(uploadPath: string): { size: number } | null {
    const entry = this.byPath.get(uploadPath);
    return entry ? { size: entry.uncompressedSize } : null;
  }

  /** Writes the file of `uploadPath` to `toFile`; refuses one larger than `maxBytes` before reading it. */
  async extract(uploadPath: string, toFile: string, maxBytes: number): Promise<number> {
    const entry = this.byPath.get(uploadPath);
    if (!entry) throw refused(`berkas ${uploadPath} tidak ada di arsip`, 'missingFile');
    if (entry.uncompressedSize > maxBytes)
      throw refused(`berkas ${uploadPath} terlalu besar`, 'fileTooLarge');
    let written = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done(
          written > maxBytes ? refused(`berkas ${uploadPath} terlalu besar`, 'fileTooLarge') : null,
          chunk,
        );
      },
    });
    await pipeline(await this.zip.openReadStreamPromise(entry), counted, createWriteStream(toFile));
    return written;
  }

  get files(): number {
    return this.byPath.size;
  }

  close(): void {
    this.zip.close();
  }
}

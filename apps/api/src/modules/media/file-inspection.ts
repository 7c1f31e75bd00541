import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { DomainError } from '../../core/errors/domain-error';
import { type MediaKind } from './media.entity';

export interface AcceptedType {
  kind: MediaKind;
  mimeType: string;
  extension: string;
}

/** What Laman accepts, by the type the bytes say, with the file-name extensions that may go with it. */
const ACCEPTED: Record<string, AcceptedType & { aliases: string[] }> = {
  jpg: { kind: 'image', mimeType: 'image/jpeg', extension: 'jpg', aliases: ['jpg', 'jpeg', 'jfif'] },
  png: { kind: 'image', mimeType: 'image/png', extension: 'png', aliases: ['png'] },
  webp: { kind: 'image', mimeType: 'image/webp', extension: 'webp', aliases: ['webp'] },
  avif: { kind: 'image', mimeType: 'image/avif', extension: 'avif', aliases: ['avif'] },
  gif: { kind: 'image', mimeType: 'image/gif', extension: 'gif', aliases: ['gif'] },
  pdf: { kind: 'document', mimeType: 'application/pdf', extension: 'pdf', aliases: ['pdf'] },
  docx: {
    kind: 'document',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    aliases: ['docx'],
  },
  xlsx: {
    kind: 'document',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    aliases: ['xlsx'],
  },
  pptx: {
    kind: 'document',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
    aliases: ['pptx'],
  },
  odt: {
    kind: 'document',
    mimeType: 'application/vnd.oasis.opendocument.text',
    extension: 'odt',
    aliases: ['odt'],
  },
  ods: {
    kind: 'document',
    mimeType: 'application/vnd.oasis.opendocument.spreadsheet',
    extension: 'ods',
    aliases: ['ods'],
  },
  csv: { kind: 'document', mimeType: 'text/csv', extension: 'csv', aliases: ['csv'] },
};

export const ACCEPTED_LIST = 'JPEG, PNG, WebP, AVIF, GIF, PDF, DOCX, XLSX, PPTX, ODT, ODS, CSV';

/** Markup or code inside an image means a polyglot: a file that is also a web page or a script. */
const CODE_MARKERS = ['<?php', '<script', '<html', '<!doctype', '<svg', '<iframe', '<body', 'javascript:'];
const PDF_SCRIPT_MARKERS = ['/javascript', '/js ', '/js(', '/js<', '/openaction', '/launch'];

/**
 * Decides what an upload really is from its bytes, never from its name or the browser's word. Refuses
 * what is not on the list (executables, HTML, SVG, archives, HEIC until the image library reads it),
 * names whose extension disagrees with the bytes, and images that also carry markup or code.
 */
export async function inspectUpload(
  path: string,
  fileName: string,
  size: number,
): Promise<AcceptedType & { hasScript: boolean; pageCount: number | null }> {
  // Control characters are exactly what this refuses.
  // eslint-disable-next-line no-control-regex
  if (/[\\/\u0000-\u001f\u007f]/.test(fileName) || /^\.+$/.test(fileName)) {
    throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
      {
        field: 'file',
        constraint: 'fileName',
        message: 'nama berkas tidak boleh memuat folder (/ atau \\) atau karakter kendali',
      },
    ]);
  }
  if (size === 0)
    throw new DomainError('VALIDATION_FAILED', 'Berkas kosong (0 bita)', [
      { field: 'file', constraint: 'notEmpty', message: 'file kosong' },
    ]);
  const detected = await fileTypeFromFile(path);
  const declared = extensionOf(fileName);
  const accepted = detected
    ? ACCEPTED[detected.ext]
    : (await looksLikeCsv(path, declared))
      ? ACCEPTED['csv']
      : undefined;
  if (!accepted) throw unsupported(detected?.ext, declared);
  if (declared && !accepted.aliases.includes(declared)) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Ekstensi .${declared} tidak cocok dengan isi berkas (${accepted.extension.toUpperCase()}). Simpan ulang berkas dengan jenis yang benar.`,
    );
  }
  if (accepted.kind === 'image' && (await containsAny(path, CODE_MARKERS))) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Gambar ini juga berisi kode atau markup (berkas poliglot) dan ditolak.',
    );
  }
  const pdf = accepted.extension === 'pdf' ? await scanPdf(path) : null;
  return {
    kind: accepted.kind,
    mimeType: accepted.mimeType,
    extension: accepted.extension,
    hasScript: pdf?.hasScript ?? false,
    pageCount: pdf?.pageCount ?? null,
  };
}

/** A display name safe anywhere: no folders, no control characters, a sane length. Storage uses generated keys. */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/^[.\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(-150);
  return cleaned || 'berkas';
}

function extensionOf(name: string): string | null {
  const match = /\.([a-z0-9]{1,8})$/i.exec(sanitizeFileName(name));
  return match?.[1]?.toLowerCase() ?? null;
}

function unsupported(detected: string | undefined, declared: string | null): DomainError {
  if (detected === 'heic' || detected === 'heif' || declared === 'heic' || declared === 'heif') {
    return new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Foto HEIC (iPhone) belum didukung. Ubah kamera ke "Paling Kompatibel" atau kirim sebagai JPEG.',
    );
  }
  if (detected && ['zip', 'rar', '7z', 'gz', 'tar', 'bz2', 'xz'].includes(detected)) {
    return new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Arsip (${detected.toUpperCase()}) tidak diterima. Unggah berkasnya satu per satu. Jenis yang diterima: ${ACCEPTED_LIST}.`,
    );
  }
  const what = detected ? detected.toUpperCase() : declared === 'svg' ? 'SVG' : 'tidak dikenal';
  return new DomainError(
    'UNSUPPORTED_MEDIA_TYPE',
    `Jenis berkas ${what} tidak diterima. Jenis yang diterima: ${ACCEPTED_LIST}.`,
  );
}

/** CSV has no signature: accept text that declares itself .csv, is valid UTF-8 and is not markup. */
async function looksLikeCsv(path: string, declared: string | null): Promise<boolean> {
  if (declared !== 'csv') return false;
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65_536), 0, 65_536, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) return false;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      head.subarray(0, lastCompleteCharacter(head)),
    );
    return !/^\s*</.test(text);
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

function lastCompleteCharacter(bytes: Buffer): number {
  let end = bytes.length;
  while (end > 0 && end > bytes.length - 4 && (bytes[end - 1]! & 0xc0) === 0x80) end--;
  return end > 0 && bytes[end - 1]! >= 0xc0 ? end - 1 : bytes.length;
}

/** Streams the file looking for any marker (case-insensitive), across chunk boundaries, in bounded memory. */
async function containsAny(path: string, markers: string[]): Promise<boolean> {
  const longest = Math.max(...markers.map((marker) => marker.length));
  let carry = '';
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const text = carry + (chunk as Buffer).toString('latin1').toLowerCase();
    if (markers.some((marker) => text.includes(marker))) return true;
    carry = text.slice(-longest);
  }
  return false;
}

/**
 * One streaming pass over a PDF: does it carry script or auto-run actions, and how many page objects does it
 * declare. Cheap but partial: pages inside compressed object streams are not visible, so 0 means "unknown".
 */
async function scanPdf(path: string): Promise<{ hasScript: boolean; pageCount: number | null }> {
  let hasScript = false;
  let pages = 0;
  let carry = '';
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const text = carry + (chunk as Buffer).toString('latin1');
    const lower = text.toLowerCase();
    if (!hasScript && PDF_SCRIPT_MARKERS.some((marker) => lower.includes(marker))) hasScript = true;
    const cut = Math.max(0, text.length - 32);
    pages += (text.slice(0, cut).match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
    carry = text.slice(cut);
  }
  pages += (carry.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  return { hasScript, pageCount: pages > 0 ? pages : null };
}

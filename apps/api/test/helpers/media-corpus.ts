import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A phone-size photo (4000×3000, shot rotated: EXIF orientation 6) carrying GPS coordinates in its EXIF. */
export async function phonePhoto(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7 + (i >> 11)) & 255;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Samsung', Model: 'Galaxy A15' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '5/1 25/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '105/1 15/1 0/1',
      },
    })
    .toBuffer();
}

export function smallJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#0b5394' } })
    .jpeg()
    .toBuffer();
}

export function smallPng(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 3, background: '#e69138' } })
    .png()
    .toBuffer();
}

/** A PNG whose header claims 30,000 × 30,000 pixels: decoding it would take gigabytes. */
export function pixelBombPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30_000, 0);
  header.writeUInt32BE(30_000, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(0, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(30_001 * 100))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal PDF; with `script`, it carries an OpenAction JavaScript; `mediaBox` sets page 1's size. */
export function pdf(script = false, mediaBox = '0 0 595 842', pageExtra = ''): Buffer {
  const action = script ? '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>' : '';
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R ${action} >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [${mediaBox}] ${pageExtra} >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/**
 * PDFs whose first page asks a renderer for far more than a thumbnail: slivers and giants (a canvas sized from
 * the aspect ratio would be gigabytes), a page nested in thousands of resource dictionaries.
 */
export function hostilePdfs(): Array<[string, Buffer]> {
  const nested = `/Resources ${'<< /X '.repeat(3000)}1${' >>'.repeat(3000)}`;
  return [
    ['sliver-5x2000.pdf', pdf(false, '0 0 5 2000')],
    ['sliver-1x14400.pdf', pdf(false, '0 0 1 14400')],
    ['wide-14400x1.pdf', pdf(false, '0 0 14400 1')],
    ['giant-14400x14400.pdf', pdf(false, '0 0 14400 14400')],
    ['zero-area.pdf', pdf(false, '0 0 0 0')],
    ['negative.pdf', pdf(false, '0 0 -500 -800')],
    ['deep-resources.pdf', pdf(false, '0 0 595 842', nested)],
  ];
}

/** A plain ZIP archive (stored, one text file): not an Office document, whatever its name says. */
export function zipArchive(): Buffer {
  const name = Buffer.from('catatan.txt');
  const data = Buffer.from('bukan dokumen office');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** Whether EXIF data holds a GPS block (the GPS IFD pointer, tag 0x8825, in either byte order). */
export function hasGpsPointer(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
}

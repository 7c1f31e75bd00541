import busboy from 'busboy';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BodyMeter, BodyRefused } from './body-meter';
import { bodySource } from './body-source';

/** What one request's body may cost: all of it, the part held in memory (text), and how long it may stall. */
export interface BodyLimit {
  totalBytes: number;
  textBytes: number;
  idleMs: number;
}

/** A form read from a request; `discard` removes its spooled files once the page is done with them. */
export interface ReceivedForm {
  form: FormData;
  discard(): Promise<void>;
}

/** Parts one form may have: the longest content form has a few hundred fields; a city import 200 files. */
const MAX_FIELDS = 2000;
const MAX_FILES = 250;

const nothingToDiscard = async () => undefined;

/** Rejections are handled where they are awaited; this keeps an early one from counting as unhandled. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function asRefusal(error: unknown): BodyRefused {
  return error instanceof BodyRefused ? error : new BodyRefused('malformed');
}

/** An `application/x-www-form-urlencoded` body: text only, so it is held in memory up to the text limit. */
export async function readUrlEncoded(
  body: ReadableStream<Uint8Array>,
  limit: BodyLimit,
): Promise<ReceivedForm> {
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const meter = new BodyMeter(Math.min(limit.totalBytes, limit.textBytes), limit.idleMs);
  // As for multipart: the meter's refusal answers at once, without waiting for a stalled source to close.
  const refused = new Promise<never>((_resolve, reject) => meter.once('error', reject));
  await Promise.race([pipeline(bodySource(body), meter, collect), refused]).catch((error: unknown) =>
    Promise.reject(asRefusal(error)),
  );
  const form = new FormData();
  for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
    form.append(name, value);
  return { form, discard: nothingToDiscard };
}

type Part = { name: string; value: string } | { name: string; file: string; filename: string; type: string };

/**
 * A `multipart/form-data` body: its text fields in memory (up to the text limit), each file written to a
 * folder of its own on disk as it arrives, never held whole. The form's files are Blobs backed by those files
 * (fs.openAsBlob), sent on to the API as a stream (send-form.ts); `discard` removes the folder.
 */
export async function spoolMultipart(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  limit: BodyLimit,
): Promise<ReceivedForm> {
  const folder = await mkdtemp(path.join(tmpdir(), 'laman-admin-form-'));
  const discard = () => rm(folder, { recursive: true, force: true });
  try {
    const parts = await parseParts(bodySource(body), contentType, limit, folder);
    return { form: await formOf(parts), discard };
  } catch (error) {
    await discard();
    throw asRefusal(error);
  }
}

function parseParts(
  source: Readable,
  contentType: string,
  limit: BodyLimit,
  folder: string,
): Promise<Part[]> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Browsers send file names in UTF-8 ("Foto kegiatan – Kedaton.jpg").
      defParamCharset: 'utf8',
      limits: {
        fieldSize: limit.textBytes,
        fields: MAX_FIELDS,
        files: MAX_FILES,
        parts: MAX_FIELDS + MAX_FILES,
      },
    });
  } catch {
    return Promise.reject(new BodyRefused('malformed'));
  }
  return new Promise((resolve, reject) => {
    const parts: Part[] = [];
    const writes: Promise<void>[] = [];
    let textBytes = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.destroy();
      reject(asRefusal(error));
    };
    const tooMuchText = () => fail(new BodyRefused('tooLarge', limit.textBytes));
    parser.on('field', (name, value, info) => {
      textBytes += name.length + value.length;
      if (info.nameTruncated || info.valueTruncated || textBytes > limit.textBytes) return tooMuchText();
      parts.push({ name, value });
    });
    parser.on('file', (name, stream, info) => {
      const file = path.join(folder, String(writes.length));
      parts.push({ name, file, filename: info.filename ?? '', type: info.mimeType });
      writes.push(handled(pipeline(stream, createWriteStream(file))));
    });
    for (const limitEvent of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const)
      parser.on(limitEvent, () => fail(new BodyRefused('tooLarge', limit.totalBytes)));
    // A refusal by the meter answers at once: the pipeline itself settles only once the source has closed,
    // and a stalled client's body does not close until its connection does.
    const meter = new BodyMeter(limit.totalBytes, limit.idleMs);
    meter.on('error', fail);
    // Done when the whole body went through the meter and the parser, and every file is on disk.
    pipeline(source, meter, parser)
      .then(() => Promise.all(writes))
      .then(() => {
        if (settled) return;
        settled = true;
        resolve(parts);
      }, fail);
  });
}

async function formOf(parts: Part[]): Promise<FormData> {
  const form = new FormData();
  for (const part of parts) {
    if ('value' in part) form.append(part.name, part.value);
    else {
      const onDisk = await openAsBlob(part.file, { type: part.type });
      form.append(part.name, new File([onDisk], part.filename, { type: part.type }));
    }
  }
  return form;
}

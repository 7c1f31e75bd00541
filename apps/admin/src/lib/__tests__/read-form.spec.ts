import { afterAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { BodyRefused } from '../request-body/body-meter';
import { type BodyLimit, readUrlEncoded, spoolMultipart } from '../request-body/read-form';

const MB = 1024 * 1024;
const limit: BodyLimit = { totalBytes: 8 * MB, textBytes: 64 * 1024, idleMs: 5_000 };
const spools = () => readdirSync(tmpdir()).filter((name) => name.startsWith('laman-admin-form-'));

/** A browser-like multipart body of `form`, as a stream, with its content type. */
function encoded(form: FormData): { body: ReadableStream<Uint8Array>; type: string } {
  const response = new Response(form);
  return { body: response.body!, type: response.headers.get('content-type')! };
}

function bytes(count: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(count).fill(65);
}

/** A body that sends `first`, then nothing more: a client that stalls. */
function stalling(first: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
    },
  });
}

async function refusal(work: Promise<unknown>): Promise<BodyRefused> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BodyRefused);
  return error as BodyRefused;
}

describe('reading a form post without holding its files in memory', () => {
  const before = spools();
  afterAll(() => expect(spools()).toEqual(before));

  it('spools files to disk and keeps fields, order, UTF-8 names, types and empty file inputs', async () => {
    const sent = new FormData();
    sent.append('title', 'Rencana kerja');
    sent.append('files.new', new File([bytes(300_000)], 'Renja – 2026.pdf', { type: 'application/pdf' }));
    sent.append('files.new', new File([bytes(10)], 'b.pdf', { type: 'application/pdf' }));
    sent.append('cover.file', new File([], '', { type: 'application/octet-stream' }));
    const { body, type } = encoded(sent);
    const received = await spoolMultipart(body, type, limit);
    try {
      expect(received.form.get('title')).toBe('Rencana kerja');
      const files = received.form.getAll('files.new') as File[];
      expect(files.map((file) => [file.name, file.size, file.type])).toEqual([
        ['Renja – 2026.pdf', 300_000, 'application/pdf'],
        ['b.pdf', 10, 'application/pdf'],
      ]);
      expect(Buffer.from(await files[0]!.arrayBuffer()).equals(Buffer.from(bytes(300_000)))).toBe(true);
      const empty = received.form.get('cover.file') as File;
      expect([empty.name, empty.size]).toEqual(['', 0]);
      expect(spools().length).toBe(before.length + 1);
    } finally {
      await received.discard();
    }
  });

  it('refuses a body past its limit (413) and leaves nothing on disk', async () => {
    const sent = new FormData();
    sent.append('file', new File([bytes(9 * MB)], 'besar.zip'));
    const { body, type } = encoded(sent);
    const refused = await refusal(spoolMultipart(body, type, limit));
    expect([refused.status, refused.limitBytes]).toEqual([413, 8 * MB]);
  });

  it('refuses more text than it holds in memory, and more parts than a form has', async () => {
    const long = new FormData();
    long.append('body', 'x'.repeat(70_000));
    const text = encoded(long);
    expect((await refusal(spoolMultipart(text.body, text.type, limit))).status).toBe(413);
    const many = new FormData();
    for (let index = 0; index < 2_100; index++) many.append(`f${index}`, '1');
    const parts = encoded(many);
    expect((await refusal(spoolMultipart(parts.body, parts.type, limit))).status).toBe(413);
    const files = new FormData();
    for (let index = 0; index < 260; index++) files.append('files', new File(['x'], `${index}.xml`));
    const manyFiles = encoded(files);
    expect((await refusal(spoolMultipart(manyFiles.body, manyFiles.type, limit))).status).toBe(413);
  });

  it('refuses a broken body or a missing boundary as unreadable (400)', async () => {
    const cut = new Response('------x\r\nContent-Disposition: form-data; name="a"\r\n\r\nsetengah').body!;
    expect((await refusal(spoolMultipart(cut, 'multipart/form-data; boundary=----x', limit))).status).toBe(
      400,
    );
    const noBoundary = new Response('a').body!;
    expect((await refusal(spoolMultipart(noBoundary, 'multipart/form-data', limit))).status).toBe(400);
  });

  it('gives up on a body that stops arriving (408)', async () => {
    const quick = { ...limit, idleMs: 300 };
    const head = '------x\r\nContent-Disposition: form-data; name="file"; filename="a.zip"\r\n\r\nPK';
    const multipart = refusal(spoolMultipart(stalling(head), 'multipart/form-data; boundary=----x', quick));
    expect((await multipart).status).toBe(408);
    expect((await refusal(readUrlEncoded(stalling('email=a%40b.c&pass'), quick))).status).toBe(408);
  });

  it('reads a URL-encoded form within the text limit, and refuses one past it', async () => {
    const form = await readUrlEncoded(new Response('email=a%40b.c&nama=Sri+Rahayu').body!, limit);
    expect([form.form.get('email'), form.form.get('nama')]).toEqual(['a@b.c', 'Sri Rahayu']);
    const large = new Response(`a=${'x'.repeat(70_000)}`).body!;
    expect((await refusal(readUrlEncoded(large, limit))).status).toBe(413);
  });

  it('lets go of a refused body without cancelling it: the connection must live until the refusal is out', async () => {
    const cancelled: unknown[] = [];
    const endless = (first: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(first));
        },
        pull(controller) {
          controller.enqueue(bytes(64 * 1024));
        },
        cancel: (reason) => void cancelled.push(reason),
      });
    const head = '------x\r\nContent-Disposition: form-data; name="file"; filename="a.zip"\r\n\r\n';
    const bodies = [endless(head), endless('a=')];
    expect(
      (await refusal(spoolMultipart(bodies[0]!, 'multipart/form-data; boundary=----x', limit))).status,
    ).toBe(413);
    expect((await refusal(readUrlEncoded(bodies[1]!, limit))).status).toBe(413);
    expect(cancelled).toEqual([]);
    expect(bodies.map((body) => body.locked)).toEqual([false, false]);
  });
});

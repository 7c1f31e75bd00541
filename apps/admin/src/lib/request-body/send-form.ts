import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';

/** An API answer's body is read whole: the API answers uploads with a small JSON document. */
async function answerOf(incoming: http.IncomingMessage): Promise<Response> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, one);
  }
  const status = incoming.statusCode ?? 502;
  const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
  return new Response(body, { status, headers });
}

/**
 * Sends a form (its files spooled on disk, read-form.ts) to the API as one multipart stream that waits for the
 * socket. `fetch` would do too, but it reads a file-backed Blob far ahead of the socket: measured, a 300 MB
 * file sent by fetch took the process to 417 MB, the same file through node:http to 116 MB, and 1 GB to 121 MB.
 * The answer comes back as a fetch Response. An answer that arrives while the body is still going (the API
 * refusing a file that is too large) is the answer.
 */
export function sendForm(
  url: string,
  method: 'POST' | 'PUT',
  form: FormData,
  headers: Record<string, string>,
): Promise<Response> {
  const encoded = new Response(form);
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = client.request(url, {
      method,
      headers: { ...headers, 'content-type': encoded.headers.get('content-type')! },
    });
    request.on('response', (incoming) => {
      answered = true;
      answerOf(incoming).then(resolve, reject);
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    pipeline(Readable.fromWeb(encoded.body! as NodeWebStream), request).catch((error: unknown) => {
      if (!answered) request.destroy(error as Error);
    });
  });
}

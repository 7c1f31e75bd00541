import { Readable } from 'node:stream';

/**
 * A request's body as a Node stream that, when destroyed (a refusal), lets go of the body instead of
 * cancelling it. Cancelling would close the connection at once, before the refusal reaches the client; the
 * edge reads and drops what still comes, then closes (server/lingering-close.mjs).
 */
export function bodySource(body: ReadableStream<Uint8Array>): Readable {
  const reader = body.getReader();
  return new Readable({
    read() {
      reader.read().then(
        ({ done, value }) => this.push(done ? null : value),
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
    destroy(error, done) {
      reader.releaseLock();
      done(error);
    },
  });
}

import http from 'node:http';
import { closeGentlyAfterEarlyAnswer, LINGER } from '../server/lingering-close.mjs';
import { stubbornPost } from './helpers/stubborn-post.mjs';

/**
 * An answer sent before its request's body has all arrived (server/lingering-close.mjs), on a real HTTP server
 * over loopback: the connection closes within the bounds whatever the client does after it. That the answer
 * reaches a client still sending fast is attacked through the admin itself (request-bodies.spec.mjs).
 */
const MB = 1024 * 1024;

/** Answers every post early: after its first bytes (a page that read a little), or before reading any. */
function startServer(linger) {
  const server = http.createServer((request, response) => {
    closeGentlyAfterEarlyAnswer(request, response, linger);
    const answer = () =>
      response.writeHead(413, { 'content-type': 'text/plain' }).end('Kiriman terlalu besar');
    if (request.url === '/tanpa-membaca') return answer();
    request.once('data', () => {
      request.pause();
      answer();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function until(condition) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('closing gently after an early answer', () => {
  let server;
  let port;

  beforeAll(async () => {
    server = await startServer(LINGER);
    port = server.address().port;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('a client that never stops sending is cut off within the bounds after its answer', async () => {
    for (const path of ['/sebagian', '/tanpa-membaca']) {
      const result = await stubbornPost(`http://127.0.0.1:${port}${path}`, { endless: true });
      expect([path, result.status]).toEqual([path, 413]);
      // What the server dropped, plus what the two kernels' buffers held (a few MB on loopback).
      expect(result.sent - result.sentAtAnswer).toBeLessThan(LINGER.bytes + 16 * MB);
      expect(result.sent - result.sentAtAnswer).toBeGreaterThan(0);
      expect(result.closedMs - result.answeredMs).toBeLessThan(3 * LINGER.ms);
    }
  }, 60_000);

  it('a client that goes quiet after its answer is closed on once the linger time has passed', async () => {
    const quick = await startServer({ ms: 500, bytes: LINGER.bytes });
    // A quiet client cannot tell the close from the FIN before it; the server's side of the connection can.
    const closings = [];
    quick.on('connection', (socket) => socket.on('close', () => closings.push(Date.now())));
    try {
      for (const path of ['/sebagian', '/tanpa-membaca']) {
        const started = Date.now();
        const answered = stubbornPost(`http://127.0.0.1:${quick.address().port}${path}`, { endless: false });
        await until(() => closings.length > 0);
        const closedMs = closings.pop() - started;
        const result = await Promise.race([answered, { status: 'still open' }]);
        expect([path, result.status]).toEqual([path, 413]);
        expect(closedMs - result.answeredMs).toBeGreaterThanOrEqual(450);
      }
    } finally {
      quick.closeAllConnections();
      await new Promise((resolve) => quick.close(resolve));
    }
  }, 30_000);
});

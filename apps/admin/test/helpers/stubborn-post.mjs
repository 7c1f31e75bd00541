import net from 'node:net';

const CHUNK = 64 * 1024;

/**
 * A post from a client that keeps its side of the connection open whatever the server does, as a slow or
 * hostile one may: it sends its headers (`headers`, plus a chunked body) and a first 64 KB, then, `endless`,
 * keeps sending as fast as the connection takes it, or goes quiet. Resolves once the answer is in (quiet) or
 * the server has closed the connection (endless), with the answer's status, when it came (ms from the start),
 * when the connection went, and how much had been sent at each point.
 */
export function stubbornPost(address, { headers = {}, endless }) {
  const url = new URL(address);
  return new Promise((resolve) => {
    const started = Date.now();
    const result = { status: null, sent: 0, sentAtAnswer: null, answeredMs: null };
    const socket = net.connect({ host: url.hostname, port: Number(url.port), allowHalfOpen: true });
    let head = '';
    socket.on('data', (chunk) => {
      if (result.status !== null) return;
      head += chunk;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (!status) return;
      result.status = Number(status[1]);
      result.sentAtAnswer = result.sent;
      result.answeredMs = Date.now() - started;
      if (!endless) resolve({ ...result, closedMs: null });
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ ...result, closedMs: Date.now() - started }));
    const lines = Object.entries({ host: url.host, ...headers, 'transfer-encoding': 'chunked' }).map(
      ([name, value]) => `${name}: ${value}\r\n`,
    );
    socket.write(`POST ${url.pathname} HTTP/1.1\r\n${lines.join('')}\r\n`);
    const chunk = Buffer.concat([
      Buffer.from(`${CHUNK.toString(16)}\r\n`),
      Buffer.alloc(CHUNK, 120),
      Buffer.from('\r\n'),
    ]);
    // One chunk per turn of the event loop, as a network stack does: what the server answers is read between
    // writes, not only once the writing stops (a reset may follow the answer, and would win the race).
    const pump = () => {
      if (socket.destroyed) return;
      result.sent += CHUNK;
      const more = socket.write(chunk);
      if (!endless) return;
      if (more) setImmediate(pump);
      else socket.once('drain', () => setImmediate(pump));
    };
    pump();
  });
}

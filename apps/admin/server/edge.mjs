// The admin's HTTP server: resolves the real client (trusted proxies only), sets the security headers,
// compresses (br/gzip), then hands the request to the Astro app. `pnpm start`, the tests and the container
// all run the admin through this file.
import http from 'node:http';
import compression from 'compression';
import { bodyLimits } from './body-limits.mjs';
import { resolveClient, rewriteForwarded, trustedProxies } from './forwarded.mjs';
import { closeGentlyAfterEarlyAnswer } from './lingering-close.mjs';
import { setSecurityHeaders } from './security-headers.mjs';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import('../dist/server/entry.mjs');

const proxies = trustedProxies(process.env.ADMIN_TRUSTED_PROXIES);
// A wrong limit stops the start here, not at the first form post.
bodyLimits();
// A stream of events (following a site build) goes out as it is written: compressing would hold it back.
const compress = compression({
  threshold: 1024,
  filter: (request, response) =>
    !String(response.getHeader('Content-Type') ?? '').startsWith('text/event-stream') &&
    compression.filter(request, response),
});
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

// Receiving a request may take up to an hour (a WordPress archive of a gigabyte over a slow office link); a body
// that stalls is given up on long before (ADMIN_BODY_IDLE_SECONDS, src/lib/request-body/body-meter.ts).
const server = http.createServer({ requestTimeout: 3_600_000 }, (request, response) => {
  const client = resolveClient(request, proxies);
  rewriteForwarded(request, client);
  setSecurityHeaders(response, client.protocol);
  closeGentlyAfterEarlyAnswer(request, response);
  compress(request, response, () => handler(request, response));
});
server.listen(port, host, () => process.stdout.write(`Laman admin listening on http://${host}:${port}/\n`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  });
}

import { createServer, type Server } from 'node:http';
import { type Metrics } from './metrics';

/**
 * A process without an HTTP server of its own (the site worker) answers Prometheus on `port` at `/metrics`,
 * with the same token rule as the API; every other address is 404.
 */
export async function serveMetrics(
  metrics: Metrics,
  options: { host: string; port: number; token: string | null },
): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method === 'GET' && path === '/metrics')
      void metrics.answer(request, response, options.token);
    else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  return server;
}

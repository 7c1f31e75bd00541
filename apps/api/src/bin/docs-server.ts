import { type Server } from 'node:http';
import path from 'node:path';
import express, { type Request, type Response } from 'express';

/** The built documentation (apps/docs/dist), as `pnpm start` serves it. */
export const DOCS_BUILD = path.resolve(__dirname, '../../../docs/dist');

/**
 * Serves the documentation site's static build (`pnpm start`; in production any static host does) with
 * express.static, as the sites server serves the sites: a folder is its index.html, anything else not there the
 * site's own 404 page. Nothing outside the build is reachable.
 */
export function startDocsServer(root: string, port: number, host: string): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.static(root, { index: 'index.html', redirect: true, maxAge: 0 }));
  app.use((_request: Request, response: Response) => {
    response.status(404).sendFile(path.join(root, '404.html'));
  });
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => resolve(server));
    server.once('error', reject);
  });
}

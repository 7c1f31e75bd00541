import path from 'node:path';
import express from 'express';

/**
 * Serves the built site as any static host would (express.static, as `pnpm start` does: a folder is its
 * index.html, anything else the site's 404 page), on a free port.
 */
export async function serveStatic(root) {
  const app = express();
  app.use(express.static(root, { index: 'index.html', redirect: true }));
  app.use((_request, response) => response.status(404).sendFile(path.join(root, '404.html')));
  const server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

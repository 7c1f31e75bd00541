import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

/** The file a URL path names in `root` (a folder is its index.html), or null. */
export function fileFor(root, urlPath) {
  const decoded = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  const file = path.join(root, path.normalize(decoded));
  if (!file.startsWith(root)) return null;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, 'index.html');
  return existsSync(index) ? index : null;
}

/** Serves the built site as any static host would (the 404 page for what is not there), on a free port. */
export async function serveStatic(root) {
  const server = createServer((request, response) => {
    const file = fileFor(root, request.url ?? '/');
    const status = file ? 200 : 404;
    const served = file ?? path.join(root, '404.html');
    response.writeHead(status, { 'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream' });
    createReadStream(served).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

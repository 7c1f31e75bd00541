import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

/** The built documentation (apps/docs/dist), as `pnpm start` serves it. */
export const DOCS_BUILD = path.resolve(__dirname, '../../../docs/dist');

/**
 * Serves the documentation site's static build (`pnpm start`; in production any static host does): a folder is
 * its index.html, anything else not there the site's 404 page. Nothing outside the build is reachable.
 */
export async function startDocsServer(root: string, port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    const file = fileFor(root, request.url ?? '/');
    const served = file ?? path.join(root, '404.html');
    response.writeHead(file ? 200 : 404, {
      'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server;
}

function fileFor(root: string, url: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.split(/[?#]/)[0] ?? '/');
  } catch {
    return null;
  }
  const file = path.join(root, path.normalize(decoded));
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return null;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, 'index.html');
  return existsSync(index) ? index : null;
}

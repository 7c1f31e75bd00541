// Bundles the sites' few browser scripts that need a library (the PPID form's proof of work, with altcha-lib)
// into public/, so every build — the sample's and each OPD's — serves them from the site itself (no CDN, CSP
// `script-src 'self'`). Run by `pnpm build` before `astro build`, and by the site builder when the bundle is
// missing (`pnpm start` builds only the API and the admin); the output is generated, not committed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const site = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BUNDLE = path.join(site, 'public/ppid-proof.js');

export async function buildClient() {
  await build({
    entryPoints: [path.join(site, 'src/client/ppid-proof.ts')],
    outfile: BUNDLE,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
  });
  // esbuild keeps a helper process running for the next build; none follows, and it would keep ours alive.
  await stop();
}

let ensured = null;

/** The bundle, built once per process if it is not there yet. */
export function ensureClient() {
  ensured ??= existsSync(BUNDLE) ? Promise.resolve() : buildClient();
  return ensured;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildClient();

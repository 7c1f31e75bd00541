// Bundles the sites' few browser scripts that need a library (the PPID form's proof of work, with altcha-lib)
// into public/, so every build — the sample's and each OPD's — serves them from the site itself (no CDN, CSP
// `script-src 'self'`). Run by `pnpm build` before `astro build`, and by the site builder when the bundle is
// missing (`pnpm start` builds only the API and the admin); the output is generated, not committed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

const site = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BUNDLE = path.join(site, 'public/form-proof.js');

/** Synchronous (esbuild's `buildSync`): the site builder needs the bundle before it fingerprints the theme. */
export function buildClient() {
  buildSync({
    entryPoints: [path.join(site, 'src/client/form-proof.ts')],
    outfile: BUNDLE,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
  });
}

/** The bundle, built if it is not there yet (no top-level await: the API loads the builder with require). */
export function ensureClient() {
  if (!existsSync(BUNDLE)) buildClient();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) buildClient();

// Bundles the sites' few browser scripts that need a library (the PPID form's proof of work, with altcha-lib)
// into public/, so every build — the sample's and each OPD's — serves them from the site itself (no CDN, CSP
// `script-src 'self'`). Run before `astro build`; the output is generated, not committed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const site = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

await build({
  entryPoints: [path.join(site, 'src/client/ppid-proof.ts')],
  outfile: path.join(site, 'public/ppid-proof.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  legalComments: 'none',
});

#!/usr/bin/env node
// Renders the one page of an OPD site where an item appears, from a snapshot file, for the admin's preview:
//   node apps/site/scripts/preview-page.mjs --snapshot FILE --type berita --slug SLUG --html OUT.html
// The snapshot is the live site with the draft projected into it, so the page is exactly what publishing
// would show. Only that item's own page (or its list page) is rendered; nothing goes live.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sitePagePath } from '@laman/shared';
import { build } from 'astro';

const { values } = parseArgs({
  options: {
    snapshot: { type: 'string' },
    type: { type: 'string' },
    slug: { type: 'string' },
    html: { type: 'string' },
  },
});
if (!values.snapshot || !values.type || !values.slug || !values.html) {
  console.error('Usage: preview-page.mjs --snapshot FILE --type TYPE --slug SLUG --html OUT.html');
  process.exit(2);
}

const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = await mkdtemp(path.join(tmpdir(), 'laman-preview-'));
// Astro renders inside the theme (see renderWithAstro in site-builder.mjs); a unique folder per preview.
const outDir = path.join(siteRoot, '.builds', `preview-${process.pid}-${Date.now()}`);
try {
  const only = path.join(work, 'render-only.json');
  await writeFile(only, JSON.stringify({ [values.type]: [values.slug] }));
  process.env.LAMAN_SNAPSHOT_FILE = path.resolve(values.snapshot);
  process.env.LAMAN_RENDER_ONLY_FILE = only;
  process.chdir(siteRoot);
  await build({ root: siteRoot, outDir, logLevel: 'error' });
  const html = await readFile(
    path.join(outDir, sitePagePath(values.type, values.slug), 'index.html'),
    'utf8',
  );
  await writeFile(values.html, html);
} finally {
  await rm(outDir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
}

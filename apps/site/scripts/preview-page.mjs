#!/usr/bin/env node
// Renders the one page of an OPD site where an item appears, from a snapshot file, for the admin's preview:
//   node apps/site/scripts/preview-page.mjs --snapshot FILE --type berita --slug SLUG --html OUT.html
// The snapshot is the live site with the draft projected into it, so the page is exactly what publishing
// would show. Only that item's own page (or its list page) is rendered, by the theme's render bundle
// (page-renderer.mjs); nothing goes live.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sitePagePath } from '@laman/shared';
import { renderBundle, renderPage } from './page-renderer.mjs';
import { themeVersion } from './render-plan.mjs';

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
process.env.LAMAN_SNAPSHOT_FILE = path.resolve(values.snapshot);
const renderer = await renderBundle(siteRoot, themeVersion(siteRoot));
await writeFile(values.html, await renderPage(renderer, `/${sitePagePath(values.type, values.slug)}`));

import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';
import { SCREENSHOTS } from './src/screenshots.mjs';

// Laman's documentation: Bahasa Indonesia at the root, English under /en/ where a page has it. Static, searched
// offline (Pagefind, built in), and nothing fetched from elsewhere. A broken internal link fails the build.
// The guides' screenshots are the ones the admin's browser tests take at phone size (reports/screenshots/admin):
// copied in when this build finds them, else each shows where it comes from (src/components/Tangkapan.astro).
/** A sidebar group of every page in a folder of the guides, named in both languages. */
const group = (label, english, directory) => ({
  label,
  translations: { en: english },
  items: [{ autogenerate: { directory } }],
});

export default defineConfig({
  site: 'http://localhost:4322',
  integrations: [
    starlight({
      title: 'Laman',
      description: 'Panduan Laman: situs OPD Kota Bandar Lampung yang diperbarui dengan satu formulir.',
      customCss: ['./src/styles/tables.css'],
      // Code wraps instead of scrolling sideways: no region a keyboard cannot scroll, whatever the machine's pace
      // (Expressive Code only makes an overflowing block focusable once its script has run).
      expressiveCode: { defaultProps: { wrap: true } },
      defaultLocale: 'root',
      locales: {
        root: { label: 'Bahasa Indonesia', lang: 'id' },
        en: { label: 'English', lang: 'en' },
      },
      plugins: [starlightLinksValidator({ errorOnFallbackPages: false, errorOnLocalLinks: false })],
      sidebar: [
        group('Panduan editor', 'Editors’ guide', 'editor'),
        group('Panduan Diskominfotik', 'Operators’ guide (Diskominfotik)', 'operator'),
        group('Panduan Bapperida', 'Bapperida’s guide', 'bapperida'),
        group('Pengembang', 'Developers', 'pengembang'),
      ],
    }),
    {
      name: 'laman-screenshots',
      hooks: {
        'astro:build:done': async ({ dir }) => {
          const into = path.join(fileURLToPath(dir), 'tangkapan');
          await mkdir(into, { recursive: true });
          const found = await readdir(SCREENSHOTS).catch(() => []);
          for (const file of found.filter((name) => name.endsWith('.png')))
            await copyFile(path.join(SCREENSHOTS, file), path.join(into, file));
        },
      },
    },
  ],
});

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The sample site with 65 more news items, so that it has news archive pages too. */
async function sampleWithArchive(folder) {
  const sample = JSON.parse(await readFile(path.join(siteRoot, 'sample', 'snapshot.json'), 'utf8'));
  const news = sample.items.find((item) => item.type === 'berita');
  const more = Array.from({ length: 65 }, (_, index) => ({
    ...news,
    slug: `kabar-${index}`,
    title: `Kabar nomor ${index}`,
    publishedAt: new Date(Date.UTC(2024, 0, 1) + index * 86_400_000).toISOString(),
  })).reverse();
  const items = [
    ...sample.items.filter((item) => item.type !== 'berita'),
    ...sample.items.filter((item) => item.type === 'berita'),
    ...more,
  ];
  const file = path.join(folder, 'snapshot.json');
  await writeFile(file, JSON.stringify({ ...sample, items }));
  return file;
}

async function filesUnder(folder) {
  return (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('the render service (the theme bundled once, pages rendered on request)', () => {
  let folder;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'laman-renderer-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('writes exactly the files of `astro build`, byte for byte, for every page of the site', async () => {
    const snapshot = await sampleWithArchive(folder);
    const env = { ...process.env, LAMAN_SNAPSHOT_FILE: snapshot, NODE_OPTIONS: '' };
    const staticDir = path.join(folder, 'static');
    const renderedDir = path.join(folder, 'rendered');
    await run(
      process.execPath,
      [path.join(siteRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staticDir],
      {
        cwd: siteRoot,
        env,
      },
    );
    await rm(path.join(staticDir, '.prerender'), { recursive: true, force: true });
    const renderAll = `
      import { readFileSync } from 'node:fs';
      import { renderBundle, pagesOf, renderPages } from './scripts/page-renderer.mjs';
      import { themeVersion } from './scripts/render-plan.mjs';
      const renderer = await renderBundle(process.cwd(), themeVersion(process.cwd()));
      const snapshot = JSON.parse(readFileSync(process.env.LAMAN_SNAPSHOT_FILE, 'utf8'));
      await renderPages(renderer, ${JSON.stringify(renderedDir)}, pagesOf(renderer.app, snapshot, null));`;
    await run(process.execPath, ['--input-type=module', '-e', renderAll], { cwd: siteRoot, env });

    const files = await filesUnder(staticDir);
    expect(files).toContain('berita/halaman/2/index.html');
    expect(files.length).toBeGreaterThan(60);
    expect(await filesUnder(renderedDir)).toEqual(files);
    for (const file of files) {
      const [expected, actual] = await Promise.all([
        readFile(path.join(staticDir, file)),
        readFile(path.join(renderedDir, file)),
      ]);
      expect({ file, same: actual.equals(expected) }).toEqual({ file, same: true });
    }
  }, 120_000);
});

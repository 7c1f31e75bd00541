import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'parse5';
import { startTestApp, type TestApp } from './test-app';

export async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Errors a spec-compliant HTML parser reports (bad nesting, duplicate attributes, missing doctype…). */
export function htmlErrors(html: string): string[] {
  const errors: string[] = [];
  parse(html, { onParseError: (error) => errors.push(`${error.code} at line ${error.startLine}`) });
  return errors;
}

/** The text of every page in the Pagefind index (its fragments are gzipped JSON). */
export async function searchIndexText(site: string): Promise<string> {
  const folder = path.join(site, 'pagefind', 'fragment');
  const fragments = await readdir(folder);
  const texts = await Promise.all(
    fragments.map(async (name) => gunzipSync(await readFile(path.join(folder, name))).toString('utf8')),
  );
  return texts.join('\n');
}

/** The search index's pages: each result's address and the text its excerpts are cut from. */
export async function searchFragments(site: string): Promise<Array<{ url: string; content: string }>> {
  const folder = path.join(site, 'pagefind', 'fragment');
  return Promise.all(
    (await readdir(folder)).map(
      async (name) =>
        // Each fragment is a signature ("pagefind_dcd") and then JSON.
        JSON.parse(
          gunzipSync(await readFile(path.join(folder, name)))
            .toString('utf8')
            .replace(/^[^{]*/, ''),
        ) as {
          url: string;
          content: string;
        },
    ),
  );
}

/** A test API listening on a free port, and a scratch folder for the sites it builds. */
export async function serveTestApp(prefix: string): Promise<{ t: TestApp; apiUrl: string; out: string }> {
  const t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  const apiUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  return { t, apiUrl, out: await mkdtemp(path.join(tmpdir(), prefix)) };
}

export async function stopServedApp(t: TestApp | undefined, out: string | undefined): Promise<void> {
  await t?.close();
  if (out) await rm(out, { recursive: true, force: true });
}

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
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

/**
 * Every fragment file of a built site's search index: an OPD site's index comes in sections
 * (`pagefind/s<n>/fragment`), the portal's is one (`pagefind/fragment`).
 */
async function fragmentFiles(site: string): Promise<string[]> {
  const root = path.join(site, 'pagefind');
  const folders = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && entry.name === 'fragment')
    .map((entry) => path.join(entry.parentPath, entry.name));
  const lists = await Promise.all(
    folders.map(async (folder) => (await readdir(folder)).map((name) => path.join(folder, name))),
  );
  return lists.flat();
}

/** The text of every page in the Pagefind index (its fragments are gzipped JSON). */
export async function searchIndexText(site: string): Promise<string> {
  const texts = await Promise.all(
    (await fragmentFiles(site)).map(async (file) => gunzipSync(await readFile(file)).toString('utf8')),
  );
  return texts.join('\n');
}

/** The search index's pages: each result's address and the text its excerpts are cut from. */
export async function searchFragments(site: string): Promise<Array<{ url: string; content: string }>> {
  return Promise.all(
    (await fragmentFiles(site)).map(
      async (file) =>
        // Each fragment is a signature ("pagefind_dcd") and then JSON.
        JSON.parse(
          gunzipSync(await readFile(file))
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

const execFileAsync = promisify(execFile);

interface NuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/**
 * What the Nu HTML Checker (vnu, the W3C validator) reports as errors for every HTML file under a folder:
 * content-model mistakes a parser lets through (a figcaption mid-figure, a heading in a label, bad ARIA…).
 * It runs on Debian's Java; one process checks the whole folder.
 */
export async function nuCheckerErrors(folder: string): Promise<string[]> {
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  // With --format json the report goes to stderr.
  const { stderr } = await execFileAsync(
    'java',
    ['-jar', jar, '--format', 'json', '--errors-only', '--exit-zero-always', '--skip-non-html', folder],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(stderr) as { messages: NuMessage[] };
  return report.messages.map(
    (entry) =>
      `${path.relative(folder, decodeURI(entry.url?.replace(/^file:/, '') ?? ''))}:${entry.lastLine ?? '?'} ${entry.message}`,
  );
}

// Writes the API reference page (src/content/docs/pengembang/api.md) from the committed OpenAPI document, before
// each build: every route by its tag, with what it does, who may call it and what it answers. Not committed — the
// OpenAPI document is, and a test keeps that one current.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const OPENAPI = path.resolve(here, '../../api/openapi.json');
const PAGE = path.resolve(here, '../src/content/docs/pengembang/api.md');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const cell = (text) =>
  String(text ?? '')
    .replaceAll('|', '\\|')
    .replaceAll('\n', ' ')
    .replaceAll('<', '&lt;');

function routesByTag(document) {
  const tags = new Map();
  for (const [route, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'Lainnya';
      if (!tags.has(tag)) tags.set(tag, []);
      const answers = Object.keys(operation.responses ?? {}).join(', ');
      tags
        .get(tag)
        .push(
          `| \`${method.toUpperCase()}\` | \`${cell(route)}\` | ${cell(operation.summary)} | ${answers} |`,
        );
    }
  }
  return [...tags].sort(([a], [b]) => a.localeCompare(b, 'id'));
}

const document = JSON.parse(await readFile(OPENAPI, 'utf8'));
const sections = routesByTag(document).flatMap(([tag, rows]) => [
  `## ${tag}`,
  '',
  '| metode | rute | kegunaan | jawaban |',
  '| --- | --- | --- | --- |',
  ...rows,
  '',
]);
await writeFile(
  PAGE,
  [
    '---',
    'title: Referensi API',
    `description: Setiap rute ${cell(document.info.title)} versi ${cell(document.info.version)}, dari dokumen OpenAPI.`,
    'sidebar:',
    '  order: 2',
    '---',
    '',
    `Dari \`apps/api/openapi.json\` (${Object.keys(document.paths).length} rute). API yang berjalan melayani dokumen yang`,
    'sama dengan Swagger UI di `/api/docs`. Peran yang boleh memanggil setiap rute, bentuk permintaan dan jawabannya',
    'ada di sana; galat selalu berbentuk `statusCode, code, message, details, requestId`.',
    '',
    ...sections,
  ].join('\n'),
);
console.log(`Wrote ${path.relative(process.cwd(), PAGE)}`);

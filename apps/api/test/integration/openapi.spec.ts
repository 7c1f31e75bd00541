import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends a visitor of the bare address to the documentation', async () => {
    const root = await t.http().get('/');
    expect(root.status).toBe(302);
    expect(root.headers['location']).toBe('/api/docs');
  });

  it('is served at /api/docs.json and matches the committed apps/api/openapi.json (run `pnpm openapi` after API changes)', async () => {
    const live = (await t.http().get('/api/docs.json')).body;
    const committed = JSON.parse(readFileSync(path.join(__dirname, '../../openapi.json'), 'utf8'));
    expect(live).toEqual(committed);
  });

  it('documents every operation with a summary, its access rule and its error shape', async () => {
    const doc = (await t.http().get('/api/docs.json')).body as {
      paths: Record<
        string,
        Record<
          string,
          { summary?: string; description?: string; responses: Record<string, { content?: unknown }> }
        >
      >;
    };
    for (const [route, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${route}`;
        expect({ where, summary: Boolean(operation.summary) }).toEqual({ where, summary: true });
        expect(operation.description).toMatch(/Akses: /);
        // Site pages are posted by browsers without JavaScript: their failures are pages too, and say so.
        const errorShape = route.startsWith('/api/v1/site-pages/') ? '"text/html"' : 'ErrorResponseDto';
        expect({ where, error: JSON.stringify(operation.responses['400']) }).toEqual({
          where,
          error: expect.stringContaining(errorShape),
        });
      }
    }
  });

  it('lints clean with Redocly CLI (recommended rules): every path parameter declared, security on every operation', async () => {
    // The committed document is the live one (checked above); the linter reads it beside its configuration.
    const root = path.join(__dirname, '../..');
    const { stdout } = await promisify(execFile)(
      path.join(root, 'node_modules/.bin/redocly'),
      ['lint', 'openapi.json', '--format=json', '--config=redocly.yaml'],
      {
        cwd: root,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    ).catch((failure: { stdout: string }) => ({ stdout: failure.stdout }));
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number; ignored: number };
      problems: Array<{ ruleId: string; message: string; ignored?: boolean }>;
    };
    const counted = report.problems.filter((problem) => !problem.ignored);
    expect(counted.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 4 });
  }, 60_000);

  it('serves the Swagger UI with its assets from this server (no CDN)', async () => {
    const page = await t.http().get('/api/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
    expect(page.text).not.toMatch(/https?:\/\/(?!localhost)[^"']*\.(js|css)/);
  });
});

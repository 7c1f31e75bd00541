import type request from 'supertest';
import { type SignedIn } from '../helpers/given';
import { asSuperuser } from '../helpers/superuser';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Attack class: a client's mistake (or malice) answered with a 500, or half-written state. Every operation of
 * the OpenAPI document — so a new route is attacked without anyone adding it here — gets NUL bytes in each path
 * parameter and in the query, a JSON body nested thousands of levels deep, NUL bytes inside JSON, a body of the
 * wrong type, broken multipart, and integers beyond PostgreSQL's range; signed in (as the broadest role) and
 * not. Each answer must be the one JSON error shape with a 4xx status, and no table may have gained or lost a
 * row.
 */
interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  pathParams: string[];
  integerPathParams: string[];
  jsonBody: string | null;
  multipart: boolean;
}

interface OpenApi {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, SchemaObject> };
}
interface OperationObject {
  parameters?: Array<{ name: string; in: string; schema?: { type?: string } }>;
  requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
}
interface SchemaObject {
  properties?: Record<string, { type?: string; $ref?: string }>;
  allOf?: Array<{ $ref?: string }>;
}

const INT4_MAX = 2_147_483_647;

describe('security: malformed input on every route', () => {
  let t: TestApp;
  let platform: SignedIn;
  let tenantSlug: string;
  let document: OpenApi;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp();
    platform = await t.given.platformSignedIn('platform_admin');
    tenantSlug = (await t.given.tenant()).slug;
    document = (await t.http().get('/api/docs.json')).body as OpenApi;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => toOperation(path, method, operation)),
    );
  });
  afterAll(() => t.close());

  function toOperation(path: string, method: string, operation: OperationObject): Operation {
    const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    const integerPathParams = (operation.parameters ?? [])
      .filter((p) => p.in === 'path' && ['number', 'integer'].includes(p.schema?.type ?? ''))
      .map((p) => p.name);
    const content = operation.requestBody?.content ?? {};
    return {
      method: method as Operation['method'],
      path,
      pathParams,
      integerPathParams,
      jsonBody: content['application/json']?.schema?.$ref?.split('/').pop() ?? null,
      multipart: 'multipart/form-data' in content,
    };
  }

  function url(operation: Operation, overrides: Record<string, string> = {}): string {
    return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name in overrides) return overrides[name]!;
      if (name === 'tenant') return tenantSlug;
      if (operation.integerPathParams.includes(name)) return '1';
      return '00000000-0000-4000-8000-000000000000';
    });
  }

  function call(operation: Operation, path: string, signedIn: boolean): request.Test {
    const test = t.http()[operation.method](path);
    return signedIn ? test.set(platform.auth) : test;
  }

  /** Row counts of every table: a refused request must leave every one of them as it was. */
  /**
   * Rows in every table but the rate limits' counters: counting a refused request against its sender is the
   * limit's job (the anonymous routes' guard counts before validation), not state the request left behind.
   */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await asSuperuser<{ name: string }>(
      t.database,
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'request_throttles'
        ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await asSuperuser<{ n: number }>(t.database, `SELECT count(*)::int AS n FROM "${name}"`);
      counts[name] = row!.n;
    }
    return counts;
  }

  function expectClientError(response: request.Response, statuses: number[], label: string): void {
    if (!statuses.includes(response.status)) {
      throw new Error(
        `${label}: expected ${statuses.join('/')}, got ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    // A site page is opened by a citizen's browser: its failures are pages in Bahasa Indonesia, not JSON.
    if (label.includes('/api/v1/site-pages/')) {
      expect({ label, type: response.headers['content-type'] }).toEqual({
        label,
        type: expect.stringMatching(/^text\/html/),
      });
      expect(response.text).toContain('role="alert"');
      return;
    }
    expect(response.body).toEqual(
      expect.objectContaining({
        statusCode: response.status,
        code: expect.any(String),
        message: expect.any(String),
        requestId: expect.any(String),
      }),
    );
  }

  function deepJson(levels: number): string {
    return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
  }

  it('covers every operation of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((operation) => operation.jsonBody).length).toBeGreaterThan(40);
    expect(operations.filter((operation) => operation.multipart).length).toBeGreaterThanOrEqual(2);
  });

  it.each([false, true])(
    'attack: NUL bytes in every path parameter and in the query (signed in: %s) → 400, nothing written',
    async (signedIn) => {
      const before = await rowCounts();
      let tried = 0;
      for (const operation of operations) {
        for (const param of operation.pathParams) {
          const response = await call(operation, url(operation, { [param]: 'ab%00cd' }), signedIn);
          expectClientError(response, [400], `${operation.method} ${operation.path} {${param}}`);
          tried++;
        }
        const response = await call(operation, `${url(operation)}?q=%00&limit=1%00`, signedIn);
        expectClientError(response, [400], `${operation.method} ${operation.path} ?q`);
        tried++;
      }
      expect(tried).toBeGreaterThan(200);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it.each([false, true])(
    'attack: JSON nested 5,000 deep, NUL inside JSON, and a non-JSON body on every route with a body (signed in: %s) → 400/415, nothing written',
    async (signedIn) => {
      const before = await rowCounts();
      for (const operation of operations.filter((candidate) => candidate.jsonBody)) {
        const path = url(operation);
        const label = `${operation.method} ${operation.path}`;
        const deep = await call(operation, path, signedIn)
          .set('content-type', 'application/json')
          .send(deepJson(5000));
        expectClientError(deep, [400], `${label} deep JSON`);
        const nul = await call(operation, path, signedIn).send({
          name: 'ab\u0000cd',
          nested: { ['k\u0000']: 1 },
        });
        expectClientError(nul, [400], `${label} NUL in JSON`);
        const text = await call(operation, path, signedIn).set('content-type', 'text/plain').send('halo');
        expectClientError(text, [415], `${label} text/plain`);
      }
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('attack: broken multipart on the upload routes → 400, no file or row left behind', async () => {
    const before = await rowCounts();
    for (const operation of operations.filter((candidate) => candidate.multipart)) {
      const response = await call(operation, url(operation), true)
        .set('content-type', 'multipart/form-data; boundary=----batas')
        .send('------batas\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nsetengah');
      expectClientError(response, [400], `${operation.method} ${operation.path} broken multipart`);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('attack: integers beyond PostgreSQL’s range in every integer path parameter and request-body field → 400 naming the field', async () => {
    const before = await rowCounts();
    let tried = 0;
    for (const operation of operations) {
      for (const param of operation.integerPathParams) {
        const response = await call(operation, url(operation, { [param]: String(INT4_MAX + 1) }), true);
        expectClientError(response, [400], `${operation.method} ${operation.path} {${param}}`);
        expect(response.body.details?.[0]?.field).toBe(param);
        tried++;
      }
      if (!operation.jsonBody || !['post', 'put', 'patch'].includes(operation.method)) continue;
      for (const field of integerFields(operation.jsonBody)) {
        const response = await call(operation, url(operation), true).send({ [field]: INT4_MAX + 1 });
        expectClientError(response, [400, 404], `${operation.method} ${operation.path} ${field}`);
        if (response.status === 400) {
          expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
        }
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(10);
    expect(await rowCounts()).toEqual(before);
  });

  function integerFields(schemaName: string): string[] {
    const schema = document.components.schemas[schemaName];
    if (!schema) return [];
    const inherited = (schema.allOf ?? []).flatMap((part) =>
      integerFields(part.$ref?.split('/').pop() ?? ''),
    );
    const own = Object.entries(schema.properties ?? {})
      .filter(([, property]) => property.type === 'integer' || property.type === 'number')
      .map(([name]) => name);
    return [...inherited, ...own];
  }
});

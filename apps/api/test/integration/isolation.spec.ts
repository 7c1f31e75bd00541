import { type DataSource } from 'typeorm';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { type SignedIn } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** Valid requests for every tenant-scoped endpoint: if the guard let them through, they would change tenant B. */
function validRequest(
  endpoint: string,
  victimUserId: string,
): { path: (slug: string) => string; body?: object } {
  const [, template] = endpoint.split(' ') as [string, string];
  const path = (slug: string) =>
    template
      .replace('{tenant}', slug)
      .replace('{userId}', victimUserId)
      .replace('{id}', victimUserId)
      .replace('{number}', '1');
  const bodies: Record<string, object> = {
    'PATCH /api/v1/tenants/{tenant}': { contactName: 'Penyusup' },
    'POST /api/v1/tenants/{tenant}/users': {
      email: 'penyusup@laman.example',
      name: 'Penyusup',
      role: 'tenant_admin',
    },
    'PATCH /api/v1/tenants/{tenant}/users/{userId}': { role: 'contributor' },
  };
  const body = bodies[endpoint];
  return body ? { path, body } : { path };
}

async function snapshot(dataSource: DataSource, tenant: Tenant): Promise<unknown> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
    const [memberships] = await manager.query(`SELECT json_agg(m ORDER BY m.id) AS rows FROM memberships m`);
    const [audit] = await manager.query(`SELECT count(*)::int AS n FROM audit_events`);
    const [row] = await manager.query(`SELECT contact_name, status FROM tenants WHERE id = $1`, [tenant.id]);
    return { memberships, audit, row };
  });
}

describe('tenant isolation', () => {
  let t: TestApp;
  let tenantA: Tenant;
  let tenantB: Tenant;
  let adminA: SignedIn;
  let editorB: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    tenantA = await t.given.tenant();
    tenantB = await t.given.tenant();
    adminA = await t.given.memberSignedIn(tenantA, 'tenant_admin');
    await t.given.memberSignedIn(tenantB, 'tenant_admin');
    editorB = await t.given.memberSignedIn(tenantB, 'editor');
  });
  afterAll(() => t.close());

  it("refuses a tenant A admin on every tenant-scoped endpoint with tenant B's slug, and B is unchanged", async () => {
    const doc = (await t.http().get('/api/docs.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const endpoints = Object.entries(doc.paths)
      .filter(([path]) => path.includes('{tenant}') && !path.startsWith('/api/v1/public/'))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
    expect(endpoints.length).toBeGreaterThanOrEqual(9);

    const before = await snapshot(t.dataSource, tenantB);
    for (const endpoint of endpoints) {
      const request = validRequest(endpoint, editorB.user.id);
      const method = endpoint.split(' ')[0]!.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
      const call = t.http()[method](request.path(tenantB.slug)).set(adminA.auth);
      const response = request.body ? await call.send(request.body) : await call;
      expect({ endpoint, status: response.status, code: response.body.code }).toEqual({
        endpoint,
        status: 403,
        code: 'TENANT_ACCESS_DENIED',
      });
    }
    expect(await snapshot(t.dataSource, tenantB)).toEqual(before);
    expect((await t.http().get('/api/v1/auth/me').set(editorB.auth)).status).toBe(200);
  });

  it("cannot reach tenant B's people through tenant A's own slug", async () => {
    const base = `/api/v1/tenants/${tenantA.slug}/users/${editorB.user.id}`;
    expect((await t.http().patch(base).set(adminA.auth).send({ role: 'contributor' })).status).toBe(404);
    expect((await t.http().post(`${base}/deactivate`).set(adminA.auth)).status).toBe(404);
    const listed = await t.http().get(`/api/v1/tenants/${tenantA.slug}/users`).set(adminA.auth);
    expect(listed.body.map((member: { userId: string }) => member.userId)).not.toContain(editorB.user.id);
    expect((await t.http().get('/api/v1/tenants/no-such-opd').set(adminA.auth)).body.code).toBe(
      'TENANT_NOT_FOUND',
    );
  });

  it("cannot touch tenant B's pending invitations through tenant A's slug; a B link grants B only", async () => {
    const adminB = await t.given.memberSignedIn(tenantB, 'tenant_admin');
    const invited = await t
      .http()
      .post(`/api/v1/tenants/${tenantB.slug}/users`)
      .set(adminB.auth)
      .send({ email: `undangan.b.${Date.now()}@laman.example`, name: 'Undangan B', role: 'editor' });
    const userId = invited.body.member.userId as string;
    const base = `/api/v1/tenants/${tenantA.slug}/users/${userId}`;
    const attempts = [
      t.http().patch(base).set(adminA.auth).send({ role: 'tenant_admin' }),
      t.http().post(`${base}/deactivate`).set(adminA.auth),
      t.http().post(`${base}/reactivate`).set(adminA.auth),
      t.http().post(`${base}/invitation`).set(adminA.auth),
      t.http().post(`${base}/password-reset`).set(adminA.auth),
    ];
    for (const response of await Promise.all(attempts)) {
      expect({ status: response.status, token: response.body.token }).toEqual({
        status: 404,
        token: undefined,
      });
    }
    const accepted = await t
      .http()
      .post('/api/v1/auth/invitations/accept')
      .send({ token: invited.body.invitation.token, password: 'Undangan-B-Saja-2026' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.memberships.map((m: { slug: string }) => m.slug)).toEqual([tenantB.slug]);
  });

  describe('row-level security alone (the API role, no application filter)', () => {
    const inScope = <T>(
      tenantId: string,
      work: (q: (sql: string, params?: unknown[]) => Promise<T[]>) => Promise<unknown>,
    ) =>
      t.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        return work((sql, params) => manager.query(sql, params));
      });

    it('shows no tenant-owned rows when no tenant is set', async () => {
      const rows = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM memberships)::int AS m, (SELECT count(*) FROM audit_events)::int AS a`,
      );
      expect(rows).toEqual([{ m: 0, a: 0 }]);
    });

    it("returns only the set tenant's rows, even for a query that asks for another tenant's", async () => {
      const rows = (await inScope(tenantA.id, (q) =>
        q(`SELECT tenant_id FROM memberships WHERE tenant_id = $1`, [tenantB.id]),
      )) as unknown[];
      expect(rows).toEqual([]);
      const own = (await inScope(tenantA.id, (q) =>
        q(`SELECT DISTINCT tenant_id FROM memberships`),
      )) as Array<{ tenant_id: string }>;
      expect(own).toEqual([{ tenant_id: tenantA.id }]);
    });

    it("cannot write into or change another tenant's rows", async () => {
      const insert = inScope(tenantA.id, (q) =>
        q(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'tenant_admin')`, [
          tenantB.id,
          adminA.user.id,
        ]),
      );
      await expect(insert).rejects.toMatchObject({
        driverError: { code: '42501' },
      });
      const updated = (await inScope(tenantA.id, (q) =>
        q(`UPDATE memberships SET role = 'contributor' WHERE tenant_id = $1 RETURNING id`, [tenantB.id]),
      )) as unknown[];
      // TypeORM answers an UPDATE with [rows, affected].
      expect(updated).toEqual([[], 0]);
    });

    it('does not carry the tenant over to the next use of a pooled connection', async () => {
      await inScope(tenantA.id, (q) => q('SELECT 1'));
      await inScope(tenantA.id, (q) => q('SELECT 1'));
      const leaked = await t.dataSource.query(`SELECT count(*)::int AS n FROM memberships`);
      expect(leaked).toEqual([{ n: 0 }]);
    });

    it('covers every table that has a tenant_id column, forced so that it binds the owner too', async () => {
      const tables: Array<{ table: string; rls: boolean; forced: boolean }> = await t.dataSource.query(`
        SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r'
           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
         ORDER BY 1`);
      expect(tables.length).toBeGreaterThanOrEqual(2);
      expect(tables.filter((table) => !table.rls || !table.forced)).toEqual([]);
    });

    it('lets the owner role (migrations) see nothing either without a tenant', async () => {
      const { DataSource: OwnerSource } = await import('typeorm');
      const owner = new OwnerSource({ type: 'postgres', url: t.database.ownerUrl });
      await owner.initialize();
      try {
        expect(await owner.query(`SELECT count(*)::int AS n FROM memberships`)).toEqual([{ n: 0 }]);
      } finally {
        await owner.destroy();
      }
    });
  });
});

import { randomUUID } from 'node:crypto';
import { CONTENT_TYPES } from '../../src/modules/content/types/content-type';
import { type SignedIn } from '../helpers/given';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Every endpoint × every role. Denied callers get 401 (anonymous) or 403; allowed ones get past the access
 * guard to the endpoint's own answer. Requests are built so that allowed calls change nothing (empty bodies
 * fail validation, targets that do not exist give 404), so every actor meets the same state.
 * The endpoint list comes from the OpenAPI document: a new endpoint without a row here fails this suite.
 */
type Actor =
  'anonymous' | 'contributor' | 'editor' | 'tenant_admin' | 'outsider' | 'monitor' | 'platform_admin';
const ACTORS: Actor[] = [
  'anonymous',
  'contributor',
  'editor',
  'tenant_admin',
  'outsider',
  'monitor',
  'platform_admin',
];
const SIGNED_IN: Actor[] = ACTORS.filter((actor) => actor !== 'anonymous');
const TENANT_ADMINS: Actor[] = ['tenant_admin', 'platform_admin'];
const PLATFORM_READERS: Actor[] = ['monitor', 'platform_admin'];

interface Row {
  allowed: Actor[];
  /** The status an allowed actor gets for the harmless request below. */
  status: number;
  body?: object;
  userId?: 'missing';
}

const READERS: Actor[] = ['contributor', 'editor', 'tenant_admin', 'monitor', 'platform_admin'];
const WRITERS: Actor[] = ['contributor', 'editor', 'tenant_admin', 'platform_admin'];
const EDITORS: Actor[] = ['editor', 'tenant_admin', 'platform_admin'];
const CONTENT = '/api/v1/tenants/{tenant}/content';

function contentRows(): Record<string, Row> {
  const rows: Record<string, Row> = {
    [`GET ${CONTENT}`]: { allowed: READERS, status: 200 },
    [`GET ${CONTENT}/items/{id}`]: { allowed: READERS, status: 404 },
    [`DELETE ${CONTENT}/items/{id}`]: { allowed: WRITERS, status: 400 },
    [`POST ${CONTENT}/items/{id}/submit`]: { allowed: WRITERS, status: 400, body: {} },
    [`GET ${CONTENT}/items/{id}/revisions`]: { allowed: READERS, status: 404 },
    [`GET ${CONTENT}/items/{id}/preview`]: { allowed: WRITERS, status: 404 },
    ['GET /api/v1/tenants/{tenant}/oversight']: { allowed: READERS, status: 200 },
    ['GET /api/v1/tenants/{tenant}/oversight/history']: { allowed: READERS, status: 200 },
    ['GET /api/v1/tenants/{tenant}/digests']: { allowed: READERS, status: 200 },
    ['PUT /api/v1/tenants/{tenant}/digest-subscription']: { allowed: TENANT_ADMINS, status: 400, body: {} },
    [`GET ${CONTENT}/items/{id}/revisions/{number}`]: { allowed: READERS, status: 404 },
    [`GET ${CONTENT}/items/{id}/revisions/{number}/diff`]: { allowed: READERS, status: 404 },
    [`POST ${CONTENT}/items/{id}/revisions/{number}/restore`]: { allowed: WRITERS, status: 400, body: {} },
  };
  for (const action of [
    'return',
    'publish',
    'schedule',
    'unschedule',
    'unpublish',
    'force-publish',
    'confirm-review',
  ]) {
    rows[`POST ${CONTENT}/items/{id}/${action}`] = { allowed: EDITORS, status: 400, body: {} };
  }
  for (const type of CONTENT_TYPES) {
    rows[`GET ${CONTENT}/${type}`] = { allowed: READERS, status: 200 };
    rows[`POST ${CONTENT}/${type}`] = { allowed: WRITERS, status: 400, body: {} };
    rows[`GET ${CONTENT}/${type}/{id}`] = { allowed: READERS, status: 404 };
    rows[`PUT ${CONTENT}/${type}/{id}`] = { allowed: WRITERS, status: 400, body: {} };
  }
  return rows;
}

const MATRIX: Record<string, Row> = {
  ...contentRows(),
  'GET /api/v1/health': { allowed: ACTORS, status: 200 },
  'POST /api/v1/auth/login': { allowed: ACTORS, status: 400, body: {} },
  'POST /api/v1/auth/refresh': { allowed: ACTORS, status: 400, body: {} },
  'POST /api/v1/auth/invitations/accept': { allowed: ACTORS, status: 400, body: {} },
  'POST /api/v1/auth/password-reset': { allowed: ACTORS, status: 400, body: {} },
  'GET /api/v1/auth/me': { allowed: SIGNED_IN, status: 200 },
  'GET /api/v1/auth/sessions': { allowed: SIGNED_IN, status: 200 },
  'GET /api/v1/me/notifications': { allowed: SIGNED_IN, status: 200 },
  'POST /api/v1/me/notifications/read': { allowed: SIGNED_IN, status: 204 },
  'POST /api/v1/auth/password': { allowed: SIGNED_IN, status: 400, body: {} },
  'POST /api/v1/auth/logout': { allowed: SIGNED_IN, status: 204 },
  'GET /api/v1/tenants/{tenant}': {
    allowed: ['contributor', 'editor', 'tenant_admin', 'monitor', 'platform_admin'],
    status: 200,
  },
  'PATCH /api/v1/tenants/{tenant}': {
    allowed: TENANT_ADMINS,
    status: 400,
    body: { contactPhone: '(0000)000000' },
  },
  'GET /api/v1/tenants/{tenant}/users': { allowed: TENANT_ADMINS, status: 200 },
  'POST /api/v1/tenants/{tenant}/users': { allowed: TENANT_ADMINS, status: 400, body: {} },
  'PATCH /api/v1/tenants/{tenant}/users/{userId}': {
    allowed: TENANT_ADMINS,
    status: 400,
    body: {},
    userId: 'missing',
  },
  'PUT /api/v1/tenants/{tenant}/users/{userId}/duties': {
    allowed: TENANT_ADMINS,
    status: 400,
    body: { duties: ['kepala'] },
    userId: 'missing',
  },
  // Requesters' personal data: only members holding the PPID duty (none of these actors; see ppid-requests).
  'GET /api/v1/tenants/{tenant}/ppid/requests': { allowed: [], status: 200 },
  'GET /api/v1/tenants/{tenant}/ppid/requests/{id}': { allowed: [], status: 404 },
  // The PPID's steps on a request: the duty alone (see ppid-decisions).
  'POST /api/v1/tenants/{tenant}/ppid/requests/{id}/clarification': { allowed: [], status: 400, body: {} },
  'POST /api/v1/tenants/{tenant}/ppid/requests/{id}/extension': { allowed: [], status: 400, body: {} },
  'POST /api/v1/tenants/{tenant}/ppid/requests/{id}/decision': { allowed: [], status: 400, body: {} },
  'POST /api/v1/tenants/{tenant}/ppid/requests/{id}/forward': { allowed: [], status: 400, body: {} },
  // Objections and the register: the PPID duties alone (see ppid-objections, ppid-report).
  'GET /api/v1/tenants/{tenant}/ppid/objections': { allowed: [], status: 200 },
  'POST /api/v1/tenants/{tenant}/ppid/objections/{id}/decision': { allowed: [], status: 400, body: {} },
  'GET /api/v1/tenants/{tenant}/ppid/register': { allowed: [], status: 400 },
  // Survey suggestions: anonymous, but not public; the OPD's editors read them.
  'GET /api/v1/tenants/{tenant}/surveys/suggestions': { allowed: EDITORS, status: 200 },
  'POST /api/v1/tenants/{tenant}/users/{userId}/deactivate': {
    allowed: TENANT_ADMINS,
    status: 404,
    userId: 'missing',
  },
  'POST /api/v1/tenants/{tenant}/users/{userId}/reactivate': {
    allowed: TENANT_ADMINS,
    status: 404,
    userId: 'missing',
  },
  'POST /api/v1/tenants/{tenant}/users/{userId}/invitation': {
    allowed: TENANT_ADMINS,
    status: 404,
    userId: 'missing',
  },
  'POST /api/v1/tenants/{tenant}/users/{userId}/password-reset': {
    allowed: TENANT_ADMINS,
    status: 404,
    userId: 'missing',
  },
  'GET /api/v1/tenants/{tenant}/audit-events': {
    allowed: ['tenant_admin', 'monitor', 'platform_admin'],
    status: 200,
  },
  'GET /api/v1/tenants/{tenant}/settings': { allowed: READERS, status: 200 },
  'GET /api/v1/tenants/{tenant}/builds': { allowed: READERS, status: 200 },
  'PUT /api/v1/tenants/{tenant}/settings': { allowed: TENANT_ADMINS, status: 400, body: {} },
  'POST /api/v1/tenants/{tenant}/media': { allowed: WRITERS, status: 400 },
  'GET /api/v1/tenants/{tenant}/media': { allowed: READERS, status: 200 },
  'GET /api/v1/tenants/{tenant}/media/{id}': { allowed: READERS, status: 404 },
  'PATCH /api/v1/tenants/{tenant}/media/{id}': { allowed: WRITERS, status: 400, body: {} },
  'PUT /api/v1/tenants/{tenant}/media/{id}/file': { allowed: EDITORS, status: 400 },
  'GET /api/v1/tenants/{tenant}/media/{id}/usage': { allowed: READERS, status: 404 },
  'DELETE /api/v1/tenants/{tenant}/media/{id}': { allowed: EDITORS, status: 400 },
  'GET /api/v1/public/{tenant}/media/{id}/{token}/{name}': { allowed: ACTORS, status: 404 },
  'GET /api/v1/public/tenants': { allowed: ACTORS, status: 200 },
  'GET /api/v1/public/site-address': { allowed: ACTORS, status: 400 },
  'GET /api/v1/public/site-address/imported': { allowed: ACTORS, status: 400 },
  'GET /api/v1/public/city': { allowed: ACTORS, status: 200 },
  'GET /api/v1/public/city/opd': { allowed: ACTORS, status: 200 },
  'GET /api/v1/public/city/layanan': { allowed: ACTORS, status: 200 },
  'GET /api/v1/public/city/transparency': { allowed: ACTORS, status: 200 },
  // Citizens' forms: anyone may send one; an empty form is a 400 naming the fields.
  'POST /api/v1/public/{tenant}/ppid/requests': { allowed: ACTORS, status: 400, body: {} },
  'POST /api/v1/public/{tenant}/ppid/requests/status': { allowed: ACTORS, status: 400, body: {} },
  'POST /api/v1/public/{tenant}/ppid/requests/clarification': { allowed: ACTORS, status: 400, body: {} },
  'POST /api/v1/public/{tenant}/ppid/requests/objection': { allowed: ACTORS, status: 400, body: {} },
  'GET /api/v1/public/{tenant}/ppid/requests/challenge': { allowed: ACTORS, status: 200 },
  'POST /api/v1/public/{tenant}/surveys/responses': { allowed: ACTORS, status: 400, body: {} },
  'GET /api/v1/public/{tenant}/surveys/challenge': { allowed: ACTORS, status: 200 },
  // Survey results are public: this year's by default.
  'GET /api/v1/public/{tenant}/surveys/results': { allowed: ACTORS, status: 200 },
  // The yearly service report is public information: without a year, a 400 naming the field.
  'GET /api/v1/public/{tenant}/ppid/report': { allowed: ACTORS, status: 400 },
  // The same forms as pages behind an OPD site's address: no site named (no X-Laman-Site-Host) is a 404 page.
  'POST /api/v1/site-pages/ppid/permohonan': { allowed: ACTORS, status: 404, body: {} },
  'POST /api/v1/site-pages/ppid/permohonan/cek': { allowed: ACTORS, status: 404, body: {} },
  'POST /api/v1/site-pages/ppid/permohonan/jelaskan': { allowed: ACTORS, status: 404, body: {} },
  'POST /api/v1/site-pages/ppid/permohonan/keberatan': { allowed: ACTORS, status: 404, body: {} },
  'GET /api/v1/site-pages/ppid/permohonan/{code}': { allowed: ACTORS, status: 404 },
  'GET /api/v1/site-pages/ppid/permohonan/tantangan': { allowed: ACTORS, status: 404 },
  'GET /api/v1/site-pages/ppid/laporan': { allowed: ACTORS, status: 404 },
  'GET /api/v1/site-pages/ppid/laporan/{file}': { allowed: ACTORS, status: 404 },
  'GET /api/v1/site-pages/survei': { allowed: ACTORS, status: 404 },
  'GET /api/v1/site-pages/survei/isi': { allowed: ACTORS, status: 404 },
  'POST /api/v1/site-pages/survei/isi': { allowed: ACTORS, status: 404, body: {} },
  'GET /api/v1/site-pages/survei/tantangan': { allowed: ACTORS, status: 404 },
  'GET /api/v1/public/{tenant}/site': { allowed: ACTORS, status: 200 },
  'GET /api/v1/public/{tenant}/snapshot': { allowed: ACTORS, status: 200 },
  'GET /api/v1/public/{tenant}/content': { allowed: ACTORS, status: 200 },
  'GET /api/v1/public/{tenant}/content/{type}/{slug}': { allowed: ACTORS, status: 404 },
  'GET /api/v1/public/{tenant}/search': { allowed: ACTORS, status: 400 },
  'GET /api/v1/admin/tenants': { allowed: PLATFORM_READERS, status: 200 },
  'POST /api/v1/admin/tenants': { allowed: ['platform_admin'], status: 400, body: {} },
  'GET /api/v1/admin/tenants/{tenantId}': { allowed: PLATFORM_READERS, status: 200 },
  'GET /api/v1/admin/tenants/{tenantId}/oversight-policy': { allowed: PLATFORM_READERS, status: 200 },
  'PUT /api/v1/admin/tenants/{tenantId}/oversight-policy': {
    allowed: ['platform_admin'],
    status: 400,
    body: { newsMaxDays: 1 },
  },
  'PATCH /api/v1/admin/tenants/{tenantId}': { allowed: ['platform_admin'], status: 400, body: { name: '' } },
  'POST /api/v1/admin/tenants/{tenantId}/suspend': { allowed: ['platform_admin'], status: 400, body: {} },
  'POST /api/v1/admin/tenants/{tenantId}/reactivate': { allowed: ['platform_admin'], status: 409 },
  'POST /api/v1/admin/sites/rebuild': { allowed: ['platform_admin'], status: 400, body: { tenants: 'x' } },
  'POST /api/v1/admin/tenants/{tenantId}/site/rollback': {
    allowed: ['platform_admin'],
    status: 400,
    body: {},
  },
  // The OPD has no clean kept build to go back to: 409, and nothing changes.
  'POST /api/v1/admin/tenants/{tenantId}/site/rollback-clean': { allowed: ['platform_admin'], status: 409 },
  'GET /api/v1/admin/alerts': { allowed: PLATFORM_READERS, status: 200 },
  'GET /api/v1/admin/sites': { allowed: PLATFORM_READERS, status: 200 },
  'GET /api/v1/admin/oversight': { allowed: PLATFORM_READERS, status: 200 },
  'GET /api/v1/admin/oversight/history': { allowed: PLATFORM_READERS, status: 200 },
  'GET /api/v1/admin/oversight/policy': { allowed: PLATFORM_READERS, status: 200 },
  'GET /api/v1/admin/digests': { allowed: PLATFORM_READERS, status: 200 },
  'GET /api/v1/admin/portal/builds': { allowed: PLATFORM_READERS, status: 200 },
  'POST /api/v1/admin/digests/run': { allowed: ['platform_admin'], status: 200 },
  'POST /api/v1/admin/tenants/{tenantId}/wordpress-import/dry-run': {
    allowed: ['platform_admin'],
    status: 400,
  },
  // No export sent: 400, and nothing is queued.
  'POST /api/v1/admin/tenants/{tenantId}/wordpress-import': { allowed: ['platform_admin'], status: 400 },
  'GET /api/v1/admin/tenants/{tenantId}/wordpress-import': { allowed: ['platform_admin'], status: 200 },
  // Imports for many OPDs: no file sent is 400, and nothing is queued.
  'POST /api/v1/admin/wordpress-imports': { allowed: ['platform_admin'], status: 400 },
  'GET /api/v1/admin/wordpress-imports': { allowed: ['platform_admin'], status: 200 },
  'POST /api/v1/admin/tenants/{tenantId}/wordpress-import/{importId}/undo': {
    allowed: ['platform_admin'],
    status: 404,
  },
  'GET /api/v1/admin/tenants/{tenantId}/wordpress-import/{importId}': {
    allowed: ['platform_admin'],
    status: 404,
  },
  'GET /api/v1/admin/spam-terms': { allowed: PLATFORM_READERS, status: 200 },
  // No year asked for: 400 (the year is required).
  'GET /api/v1/admin/calendar': { allowed: PLATFORM_READERS, status: 400 },
  'PUT /api/v1/admin/calendar/days/{day}': { allowed: ['platform_admin'], status: 400, body: {} },
  'DELETE /api/v1/admin/calendar/days/{day}': { allowed: ['platform_admin'], status: 404 },
  'POST /api/v1/admin/spam-terms': { allowed: ['platform_admin'], status: 400, body: { kind: 'hold' } },
  'DELETE /api/v1/admin/spam-terms/{id}': { allowed: ['platform_admin'], status: 404 },
  'PUT /api/v1/admin/oversight/policy': { allowed: ['platform_admin'], status: 400, body: {} },
  'GET /api/v1/admin/users': { allowed: ['platform_admin'], status: 200 },
  'POST /api/v1/admin/users': { allowed: ['platform_admin'], status: 400, body: {} },
  'PATCH /api/v1/admin/users/{userId}': {
    allowed: ['platform_admin'],
    status: 400,
    body: { platformRole: 'root' },
  },
  'POST /api/v1/admin/users/{userId}/deactivate': { allowed: ['platform_admin'], status: 404 },
  'POST /api/v1/admin/users/{userId}/reactivate': { allowed: ['platform_admin'], status: 404 },
  'POST /api/v1/admin/users/{userId}/invitation': { allowed: ['platform_admin'], status: 404 },
  'POST /api/v1/admin/users/{userId}/password-reset': { allowed: ['platform_admin'], status: 404 },
};

describe('access matrix: every endpoint × every role', () => {
  let t: TestApp;
  let tenantSlug: string;
  let tenantId: string;
  let documented: string[];
  const sessions = new Map<Actor, SignedIn>();

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await t.given.tenant();
    const otherTenant = await t.given.tenant();
    tenantSlug = tenant.slug;
    tenantId = tenant.id;
    sessions.set('contributor', await t.given.memberSignedIn(tenant, 'contributor'));
    sessions.set('editor', await t.given.memberSignedIn(tenant, 'editor'));
    sessions.set('tenant_admin', await t.given.memberSignedIn(tenant, 'tenant_admin'));
    sessions.set('outsider', await t.given.memberSignedIn(otherTenant, 'tenant_admin'));
    sessions.set('monitor', await t.given.platformSignedIn('monitor'));
    sessions.set('platform_admin', await t.given.platformSignedIn('platform_admin'));
    const doc = (await t.http().get('/api/docs.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => t.close());

  it('has a row for every documented endpoint, and no row for an endpoint that does not exist', () => {
    expect([...documented].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  // Logout ends the caller's session, so it runs after everything else.
  const ordered = Object.entries(MATRIX).sort(
    ([a], [b]) => Number(a.includes('logout')) - Number(b.includes('logout')),
  );
  for (const [endpoint, row] of ordered) {
    it(`${endpoint}: ${row.allowed.length === ACTORS.length ? 'everyone' : row.allowed.join(', ')}`, async () => {
      const outcomes: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const actor of ACTORS) {
        const [method, template] = endpoint.split(' ') as [string, string];
        const path = template
          .replace('{tenant}', tenantSlug)
          .replace('{tenantId}', tenantId)
          .replace('{userId}', randomUUID())
          .replace('{id}', randomUUID())
          .replace('{importId}', randomUUID())
          .replace('{number}', '1')
          .replace('{day}', '2031-01-02')
          .replace('{type}', 'berita')
          .replace('{slug}', 'tidak-ada')
          .replace('{token}', 'AAAAAAAA')
          .replace('{name}', 'full.jpg')
          .replace('{code}', 'PPID-0000-0000');
        let call = t.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path);
        const session = sessions.get(actor);
        if (session) call = call.set(session.auth);
        const response = row.body ? await call.send(row.body) : await call;
        outcomes[actor] = response.status;
        expected[actor] = row.allowed.includes(actor) ? row.status : actor === 'anonymous' ? 401 : 403;
      }
      expect(outcomes).toEqual(expected);
    });
  }
});

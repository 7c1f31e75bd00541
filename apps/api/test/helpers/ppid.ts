import { type TenantDuty, type TenantRole } from '../../src/core/access/roles';
import { type Tenant } from '../../src/modules/tenants/tenant.entity';
import { type SignedIn } from './given';
import { asSuperuser } from './superuser';
import { type TestApp } from './test-app';

/** A member of `tenant` signed in, holding `duty`, given by the OPD's own admin as in the admin app. */
export async function memberWithDuty(
  t: TestApp,
  tenant: Tenant,
  duty: TenantDuty,
  role: TenantRole = 'contributor',
): Promise<SignedIn> {
  const admin = await t.given.memberSignedIn(tenant, 'tenant_admin');
  const member = await t.given.memberSignedIn(tenant, role);
  const given = await t
    .http()
    .put(`/api/v1/tenants/${tenant.slug}/users/${member.user.id}/duties`)
    .set(admin.auth)
    .send({ duties: [duty] });
  if (given.status !== 200) throw new Error(`duty not given: ${given.status} ${JSON.stringify(given.body)}`);
  return member;
}

/**
 * A citizen's information request through the public API, from a client address of its own (so the form limits
 * of one test do not reach another); its id as the PPID's desk knows it, and its code.
 */
export async function citizenRequest(
  t: TestApp,
  tenant: Tenant,
  form: Record<string, string>,
): Promise<{ id: string; code: string }> {
  const sent = await t
    .http()
    .post(`/api/v1/public/${tenant.slug}/ppid/requests`)
    .set('X-Forwarded-For', `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`)
    .send(form);
  if (sent.status !== 201) throw new Error(`request refused: ${sent.status} ${JSON.stringify(sent.body)}`);
  const [row] = await asSuperuser<{ id: string }>(
    t.database,
    `SELECT id FROM information_requests WHERE code = $1`,
    [sent.body.code],
  );
  return { id: row!.id, code: sent.body.code };
}

/** A step the PPID desk takes on a request (`decision`, `clarification`, `extension`, `forward`…). */
export const ppidStep = (
  t: TestApp,
  tenant: Tenant,
  who: SignedIn,
  id: string,
  action: string,
  body: object,
) => t.http().post(`/api/v1/tenants/${tenant.slug}/ppid/requests/${id}/${action}`).set(who.auth).send(body);

/** The requester's objection through the public API (one reason unless `body` says otherwise). */
export const fileObjection = (
  t: TestApp,
  tenant: Tenant,
  lookup: { code: string; contact: string },
  body: object,
) =>
  t
    .http()
    .post(`/api/v1/public/${tenant.slug}/ppid/requests/objection`)
    .send({ ...lookup, reasons: ['not_as_asked'], ...body });

/** The request's state as its requester sees it on the status page. */
export async function requestStatus(t: TestApp, tenant: Tenant, lookup: { code: string; contact: string }) {
  return (await t.http().post(`/api/v1/public/${tenant.slug}/ppid/requests/status`).send(lookup)).body;
}

import { type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { strictFake } from '../../../../test/helpers/strict-fake';
import { DomainError } from '../../errors/domain-error';
import { AccessGuard } from '../access.guard';
import { ACCESS_POLICY, type AccessPolicy } from '../access-policy';
import { type AccessRepository, type TenantAccessRow } from '../access.repository';
import { type AccessTokens } from '../access-tokens';
import { type AccessRequest, type Principal } from '../principal';
import { type PlatformRole, type TenantDuty, type TenantRole } from '../roles';

interface Scenario {
  policy?: AccessPolicy;
  method?: string;
  platformRole?: PlatformRole | null;
  membership?: TenantRole | null;
  membershipActive?: boolean;
  tenantStatus?: 'active' | 'suspended';
  duties?: TenantDuty[];
}

async function decide(
  scenario: Scenario,
): Promise<{ allowed: boolean; code?: string; request: AccessRequest }> {
  const principal: Principal = {
    userId: 'u1',
    sessionId: 's1',
    email: 'a@b.id',
    name: 'A',
    platformRole: scenario.platformRole ?? null,
  };
  const tenant: TenantAccessRow = {
    tenantId: 't1',
    slug: 'dinkes',
    status: scenario.tenantStatus ?? 'active',
    membershipRole: scenario.membership ?? null,
    membershipActive: scenario.membershipActive ?? true,
    duties: scenario.duties ?? [],
  };
  const tokens = strictFake<AccessTokens>(
    { verify: async () => ({ userId: 'u1', sessionId: 's1' }) },
    'tokens',
  );
  const access = strictFake<AccessRepository>(
    { findPrincipal: async () => principal, findTenantAccess: async () => tenant },
    'access',
  );
  const handler = () => undefined;
  if (scenario.policy) Reflect.defineMetadata(ACCESS_POLICY, scenario.policy, handler);
  const request = {
    method: scenario.method ?? 'GET',
    params: { tenant: 'dinkes' },
    headers: { authorization: 'Bearer token' },
  };
  const context = strictFake<ExecutionContext>({
    getHandler: () => handler,
    getClass: (() => class Controller {}) as ExecutionContext['getClass'],
    switchToHttp: () => ({ getRequest: () => request }) as ReturnType<ExecutionContext['switchToHttp']>,
  });
  try {
    const allowed = await new AccessGuard(new Reflector(), tokens, access).canActivate(context);
    return { allowed, request: request as AccessRequest };
  } catch (error) {
    if (error instanceof DomainError)
      return { allowed: false, code: error.code, request: request as AccessRequest };
    throw error;
  }
}

const editorsOnly: AccessPolicy = { kind: 'tenant', minRole: 'editor', monitorMayRead: true };

describe('access guard rules', () => {
  it('refuses a route that declares no policy (closed by default)', async () => {
    await expect(decide({})).rejects.toThrow(/declares no access policy/);
  });

  it('lets a member with enough role in, with the tenant context attached', async () => {
    const outcome = await decide({ policy: editorsOnly, membership: 'editor' });
    expect(outcome.allowed).toBe(true);
    expect(outcome.request.tenantContext).toMatchObject({
      tenantId: 't1',
      role: 'editor',
      actor: { userId: 'u1' },
    });
  });

  it('refuses a member below the role, a deactivated member and a non-member', async () => {
    expect((await decide({ policy: editorsOnly, membership: 'contributor' })).code).toBe('ROLE_INSUFFICIENT');
    expect((await decide({ policy: editorsOnly, membership: 'editor', membershipActive: false })).code).toBe(
      'TENANT_ACCESS_DENIED',
    );
    expect((await decide({ policy: editorsOnly })).code).toBe('TENANT_ACCESS_DENIED');
  });

  it('lets monitors read where allowed, never write', async () => {
    expect((await decide({ policy: editorsOnly, platformRole: 'monitor' })).allowed).toBe(true);
    expect((await decide({ policy: editorsOnly, platformRole: 'monitor', method: 'PATCH' })).code).toBe(
      'TENANT_ACCESS_DENIED',
    );
    const noMonitors: AccessPolicy = { ...editorsOnly, monitorMayRead: false };
    expect((await decide({ policy: noMonitors, platformRole: 'monitor' })).code).toBe('TENANT_ACCESS_DENIED');
  });

  it('ignores a membership a monitor holds (older data): monitors still only read', async () => {
    const asEditor = { policy: editorsOnly, platformRole: 'monitor', membership: 'editor' } as const;
    expect((await decide({ ...asEditor, method: 'POST' })).code).toBe('TENANT_ACCESS_DENIED');
    expect((await decide(asEditor)).allowed).toBe(true);
  });

  it('stops writes to a suspended tenant for its members but not reads, and not the platform admin', async () => {
    expect(
      (
        await decide({
          policy: editorsOnly,
          membership: 'tenant_admin',
          tenantStatus: 'suspended',
          method: 'POST',
        })
      ).code,
    ).toBe('TENANT_SUSPENDED');
    expect(
      (await decide({ policy: editorsOnly, membership: 'tenant_admin', tenantStatus: 'suspended' })).allowed,
    ).toBe(true);
    expect(
      (
        await decide({
          policy: editorsOnly,
          platformRole: 'platform_admin',
          tenantStatus: 'suspended',
          method: 'POST',
        })
      ).allowed,
    ).toBe(true);
  });

  it('opens a duty route to the members holding the duty alone: no role, platform admin or monitor suffices', async () => {
    const ppid: AccessPolicy = {
      kind: 'tenant',
      minRole: 'contributor',
      monitorMayRead: false,
      duties: ['ppid_officer'],
    };
    const officer = await decide({ policy: ppid, membership: 'contributor', duties: ['ppid_officer'] });
    expect(officer.allowed).toBe(true);
    expect(officer.request.tenantContext).toMatchObject({ role: 'contributor', duties: ['ppid_officer'] });
    for (const scenario of [
      { membership: 'tenant_admin' },
      { membership: 'editor', duties: ['ppid_superior'] },
      { platformRole: 'platform_admin' },
      { platformRole: 'monitor', membership: 'editor', duties: ['ppid_officer'] },
    ] as const)
      expect({
        scenario,
        code: (
          await decide({
            policy: ppid,
            ...scenario,
            duties: [...((scenario as { duties?: TenantDuty[] }).duties ?? [])],
          })
        ).code,
      }).toEqual({
        scenario,
        code: 'DUTY_REQUIRED',
      });
    expect(
      (
        await decide({
          policy: ppid,
          membership: 'contributor',
          duties: ['ppid_officer'],
          tenantStatus: 'suspended',
          method: 'POST',
        })
      ).code,
    ).toBe('TENANT_SUSPENDED');
    // A route for either PPID duty (the queue): the superior passes too, still no one without a duty.
    const eitherDuty: AccessPolicy = { ...ppid, duties: ['ppid_officer', 'ppid_superior'] };
    const superior = await decide({ policy: eitherDuty, membership: 'editor', duties: ['ppid_superior'] });
    expect(superior.allowed).toBe(true);
    expect((await decide({ policy: eitherDuty, membership: 'tenant_admin', duties: [] })).code).toBe(
      'DUTY_REQUIRED',
    );
    // Not a member (or no longer): refused as on every other route of the OPD.
    expect((await decide({ policy: ppid })).code).toBe('TENANT_ACCESS_DENIED');
    const former = {
      policy: ppid,
      membership: 'editor',
      duties: ['ppid_officer'],
      membershipActive: false,
    } as const;
    expect((await decide({ ...former, duties: [...former.duties] })).code).toBe('TENANT_ACCESS_DENIED');
  });

  it('keeps platform routes to the named platform roles', async () => {
    const policy: AccessPolicy = { kind: 'platform', roles: ['platform_admin'] };
    expect((await decide({ policy, platformRole: 'platform_admin' })).allowed).toBe(true);
    expect((await decide({ policy, platformRole: 'monitor' })).code).toBe('FORBIDDEN');
    expect((await decide({ policy, membership: 'tenant_admin' })).code).toBe('FORBIDDEN');
  });
});

import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Request } from 'express';
import { DomainError } from '../errors/domain-error';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';
import { AccessRepository, type TenantAccessRow } from './access.repository';
import { AccessTokens } from './access-tokens';
import { type AccessRequest, type Principal, type TenantContext } from './principal';
import { roleAtLeast, type TenantDuty } from './roles';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Decides every request in one place: who is calling (bearer token → live session), and for tenant routes
 * which tenant and in what role. Routes are closed unless their endpoint decorator opens them.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AccessTokens) private readonly tokens: AccessTokens,
    @Inject(AccessRepository) private readonly access: AccessRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy)
      throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no access policy`);
    if (policy.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<Request & AccessRequest>();
    const principal = await this.authenticate(request);
    request.principal = principal;

    if (policy.kind === 'platform') {
      if (!principal.platformRole || !policy.roles.includes(principal.platformRole)) {
        throw new DomainError('FORBIDDEN', 'Hanya pengelola platform yang dapat melakukan ini');
      }
    }
    if (policy.kind === 'tenant') {
      request.tenantContext = await this.authorizeTenant(request, principal, policy);
    }
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1]) throw new DomainError('AUTH_REQUIRED', 'Silakan masuk terlebih dahulu');
    const { userId, sessionId } = await this.tokens.verify(match[1]);
    const principal = await this.access.findPrincipal(userId, sessionId);
    if (!principal)
      throw new DomainError('AUTH_SESSION_ENDED', 'Sesi Anda sudah berakhir; silakan masuk lagi');
    return principal;
  }

  private async authorizeTenant(
    request: Request,
    principal: Principal,
    policy: Extract<AccessPolicy, { kind: 'tenant' }>,
  ): Promise<TenantContext> {
    const slug = request.params['tenant'];
    if (typeof slug !== 'string') throw new Error('Tenant endpoint without a :tenant parameter');
    const tenant = await this.access.findTenantAccess(slug, principal.userId);
    if (!tenant) throw new DomainError('TENANT_NOT_FOUND', `OPD "${slug}" tidak ditemukan`);

    const reading = READ_METHODS.has(request.method);
    const base = { tenantId: tenant.tenantId, slug: tenant.slug, status: tenant.status, actor: principal };
    if (policy.duties) return this.authorizeDuty(request, principal, tenant, policy.duties, base);
    if (principal.platformRole === 'platform_admin') return { ...base, role: 'tenant_admin', duties: [] };
    // A city-level account acts by its platform role alone: a monitor stays read-only even if some OPD
    // once listed it as a member (memberships of platform accounts are inert).
    if (principal.platformRole === 'monitor') {
      if (reading && policy.monitorMayRead) return { ...base, role: null, duties: [] };
      throw new DomainError('TENANT_ACCESS_DENIED', 'Pemantau hanya dapat membaca data OPD');
    }

    if (!tenant.membershipRole || !tenant.membershipActive) {
      throw new DomainError('TENANT_ACCESS_DENIED', `Anda bukan anggota OPD "${slug}"`);
    }
    if (!roleAtLeast(tenant.membershipRole, policy.minRole)) {
      throw new DomainError(
        'ROLE_INSUFFICIENT',
        `Tindakan ini memerlukan peran ${policy.minRole} atau lebih tinggi`,
      );
    }
    if (tenant.status === 'suspended' && !reading) {
      throw new DomainError(
        'TENANT_SUSPENDED',
        'OPD ini sedang dinonaktifkan; perubahan tidak dapat disimpan',
      );
    }
    return { ...base, role: tenant.membershipRole, duties: tenant.duties };
  }

  /**
   * A duty route: only an active member holding one of its duties, whatever their role — not a platform account, since
   * what these routes show (requesters' personal data) is the OPD's PPID's alone.
   */
  private authorizeDuty(
    request: Request,
    principal: Principal,
    tenant: TenantAccessRow,
    duties: TenantDuty[],
    base: Omit<TenantContext, 'role' | 'duties'>,
  ): TenantContext {
    const member = tenant.membershipActive && tenant.membershipRole;
    if (!principal.platformRole && !member)
      throw new DomainError('TENANT_ACCESS_DENIED', `Anda bukan anggota OPD "${tenant.slug}"`);
    if (principal.platformRole || !duties.some((duty) => tenant.duties.includes(duty)))
      throw new DomainError(
        'DUTY_REQUIRED',
        `Hanya ${duties.map((duty) => DUTY_NAMES[duty]).join(' atau ')} OPD ini yang dapat melakukan ini`,
      );
    if (tenant.status === 'suspended' && !READ_METHODS.has(request.method))
      throw new DomainError(
        'TENANT_SUSPENDED',
        'OPD ini sedang dinonaktifkan; perubahan tidak dapat disimpan',
      );
    return { ...base, role: tenant.membershipRole || null, duties: tenant.duties };
  }
}

const DUTY_NAMES: Record<TenantDuty, string> = { ppid_officer: 'petugas PPID', ppid_superior: 'atasan PPID' };

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type AccessRequest, type Principal, type TenantContext } from './principal';

/** The signed-in caller. Only on routes whose policy requires sign-in. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AccessRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without sign-in');
  return principal;
});

/** The tenant of a /tenants/:tenant route, with the caller's role in it. */
export const CurrentTenant = createParamDecorator((_: unknown, context: ExecutionContext): TenantContext => {
  const tenant = context.switchToHttp().getRequest<AccessRequest>().tenantContext;
  if (!tenant) throw new Error('CurrentTenant used on a route that is not tenant-scoped');
  return tenant;
});

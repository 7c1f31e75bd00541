import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto';
import { ACCESS_POLICY, type AccessPolicy, describePolicy } from './access-policy';
import { type PlatformRole, type TenantDuty, type TenantRole } from './roles';

interface EndpointDoc {
  summary: string;
  description?: string;
  /** Extra error statuses this endpoint can answer with, besides the ones its access policy implies. */
  errors?: number[];
  /** The endpoint answers errors as HTML pages (forms posted without JavaScript), not as JSON problems. */
  errorPages?: boolean;
}

const HTML_PAGE = { 'text/html': { schema: { type: 'string' } } };

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Data tidak valid (detail per kolom)',
  401: 'Belum masuk, atau token tidak berlaku',
  403: 'Tidak punya akses',
  404: 'Tidak ditemukan',
  409: 'Bertentangan dengan data yang ada',
  410: 'Tautan sudah tidak berlaku',
  429: 'Terlalu banyak percobaan',
};

/** Every tenant route names its OPD by slug (the guard resolves it, former slugs included). */
const TENANT_PARAM = ApiParam({
  name: 'tenant',
  description: 'Slug OPD, mis. disdukcapil (slug lama setelah ganti nama tetap dikenali)',
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,46}[a-z0-9]$', example: 'disdukcapil' },
});

/**
 * One decorator per endpoint carries both its access rule and its OpenAPI description, so they cannot drift.
 * A route without one of these is refused by the access guard.
 */
function endpoint(policy: AccessPolicy, doc: EndpointDoc, implied: number[]) {
  const statuses = [...new Set([400, ...implied, ...(doc.errors ?? [])])].sort();
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, policy),
    ApiOperation({
      summary: doc.summary,
      description: [doc.description, describePolicy(policy)].filter(Boolean).join('\n\n'),
      // Public operations say so (no security requirement) rather than saying nothing.
      ...(policy.kind === 'public' ? { security: [] } : {}),
    }),
    ...(policy.kind === 'public' ? [] : [ApiBearerAuth()]),
    ...(policy.kind === 'tenant' ? [TENANT_PARAM] : []),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_DESCRIPTIONS[status] ?? 'Galat',
        ...(doc.errorPages ? { content: HTML_PAGE } : { type: ErrorResponseDto }),
      }),
    ),
  );
}

export const PublicEndpoint = (doc: EndpointDoc) => endpoint({ kind: 'public' }, doc, []);

export const AuthenticatedEndpoint = (doc: EndpointDoc) => endpoint({ kind: 'authenticated' }, doc, [401]);

export const PlatformEndpoint = (doc: EndpointDoc & { roles: PlatformRole[] }) =>
  endpoint({ kind: 'platform', roles: doc.roles }, doc, [401, 403]);

export const TenantEndpoint = (
  doc: EndpointDoc & { minRole: TenantRole; monitorMayRead?: boolean; duties?: TenantDuty[] },
) =>
  endpoint(
    {
      kind: 'tenant',
      minRole: doc.minRole,
      monitorMayRead: doc.monitorMayRead ?? false,
      ...(doc.duties ? { duties: doc.duties } : {}),
    },
    doc,
    [401, 403, 404],
  );

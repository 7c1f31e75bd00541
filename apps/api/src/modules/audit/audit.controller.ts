import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { AuditLog } from './audit-log.service';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { AuditEventDto, toAuditEventDto } from './audit.dto';

@ApiTags('Audit')
@Controller('tenants/:tenant/audit-events')
export class AuditController {
  constructor(@Inject(AuditLog) private readonly audit: AuditLog) {}

  @Get()
  @TenantEndpoint({
    summary: 'Log audit OPD (terbaru dulu): terbit, tarik, hapus, peran, masuk…',
    minRole: 'tenant_admin',
    monitorMayRead: true,
  })
  @ApiOkResponse({ type: [AuditEventDto] })
  async list(@CurrentTenant() tenant: TenantContext, @Query() page: PageQueryDto): Promise<AuditEventDto[]> {
    return (await this.audit.list(tenant, page)).map(toAuditEventDto);
  }
}

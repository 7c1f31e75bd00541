import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/access/current.decorators';
import { PublicEndpoint, TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { PublicService } from '../public/public.service';
import { PpidReportService } from './ppid-report.service';
import { RegisterPageDto, RegisterQueryDto, ReportYearQueryDto, ServiceReportDto } from './ppid-report.dto';

/** The request register, for the OPD's PPID roles. */
@ApiTags('PPID')
@Controller('tenants/:tenant/ppid/register')
export class PpidRegisterController {
  constructor(@Inject(PpidReportService) private readonly reports: PpidReportService) {}

  @Get()
  @TenantEndpoint({
    summary: 'Buku register permohonan informasi satu tahun (tanpa data pribadi pemohon)',
    minRole: 'contributor',
    duties: ['ppid_officer', 'ppid_superior'],
  })
  @ApiOkResponse({ type: RegisterPageDto })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: RegisterQueryDto): Promise<RegisterPageDto> {
    return this.reports.registerPage(tenant, query.year, query);
  }
}

/** The yearly service report: periodic information every citizen may read. */
@ApiTags('PPID')
@Controller('public/:tenant/ppid/report')
export class PublicPpidReportController {
  constructor(
    @Inject(PpidReportService) private readonly reports: PpidReportService,
    @Inject(PublicService) private readonly publicApi: PublicService,
  ) {}

  @Get()
  @PublicEndpoint({
    summary:
      'Laporan layanan informasi publik satu tahun: jumlah permohonan, keputusan, alasan penolakan, waktu jawab, keberatan',
    errors: [404],
  })
  @ApiOkResponse({ type: ServiceReportDto })
  async report(@Param('tenant') slug: string, @Query() query: ReportYearQueryDto): Promise<ServiceReportDto> {
    const tenant = await this.publicApi.activeTenant(slug);
    return this.reports.report(tenant.id, query.year);
  }
}

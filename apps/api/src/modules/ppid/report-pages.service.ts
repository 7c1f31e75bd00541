import { ppidReportYears } from '@laman/shared';
import { Inject, Injectable } from '@nestjs/common';
import { wibDay } from '../../core/time/wib';
import { type PublicTenant } from '../public/public-tenants';
import { SiteAddresses } from '../public/site-addresses';
import { type SitePage } from '../../core/http/site-page';
import { problemPage } from './ppid-pages';
import { PpidReportService } from './ppid-report.service';
import { reportDocument } from './report-document';
import { reportPage, reportWorkbook } from './report-page';

/** A report as a page, or as a file to download (its workbook or its PDF). */
export type ReportAnswer = SitePage | { file: Buffer; filename: string; type: string };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `2026`, or `2026.xlsx` for the workbook, `2026.pdf` for the document. */
const REPORT_FILE = /^(\d{4})(?:\.(xlsx|pdf))?$/;

/**
 * The yearly service report on every OPD site (`/ppid/laporan`, handed here by the edge like the request pages):
 * always current, as the figures come from the requests; the current year to date, and every year before it
 * since the platform took requests.
 */
@Injectable()
export class ReportPagesService {
  constructor(
    @Inject(SiteAddresses) private readonly addresses: SiteAddresses,
    @Inject(PpidReportService) private readonly reports: PpidReportService,
  ) {}

  /** `file`: a year, `<year>.xlsx`, or none for the current year. */
  async report(host: string, file: string | null, now = new Date()): Promise<ReportAnswer> {
    const depth = file === null ? 1 : 2;
    const tenant = await this.addresses.siteAt(host);
    if (!tenant) return problemPage('Situs OPD', depth, 'Situs OPD ini tidak menerbitkan laporan.', 404);
    const years = ppidReportYears(wibDay(now));
    const asked = file === null ? null : REPORT_FILE.exec(file);
    const year = asked ? Number(asked[1]) : years[0]!;
    if ((file !== null && !asked) || !years.includes(year))
      return problemPage(tenant.name, depth, 'Laporan tahun itu tidak ada.', 404);
    const report = await this.reports.report(tenant.id, year, now);
    if (asked?.[2] === 'xlsx')
      return {
        file: await reportWorkbook(tenant.name, report),
        filename: filename(tenant, year, 'xlsx'),
        type: XLSX,
      };
    if (asked?.[2] === 'pdf')
      return {
        file: await reportDocument(tenant.name, report),
        filename: filename(tenant, year, 'pdf'),
        type: 'application/pdf',
      };
    return reportPage(tenant.name, report, years, depth);
  }
}

const filename = (tenant: PublicTenant, year: number, extension: string) =>
  `laporan-ppid-${tenant.slug}-${year}.${extension}`;

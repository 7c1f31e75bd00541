import { PPID_FIRST_REPORT_YEAR, type PpidRegisterEntry } from '@laman/shared';
import { Inject, Injectable } from '@nestjs/common';
import { type TenantContext } from '../../core/access/principal';
import { Database } from '../../core/database/database.service';
import { DomainError, fieldError } from '../../core/errors/domain-error';
import { wibDay } from '../../core/time/wib';
import { CalendarService } from '../calendar/calendar.service';
import { STATUS_LABELS } from './information-request';
import { InformationRegisterRepository } from './information-register.repository';
import { OBJECTION_OUTCOME_LABELS } from './objection';
import { type RegisterRow, serviceReport, type ServiceReport } from './service-report';

/** A register row with its status and objection outcome in words. */
export type RegisterEntry = RegisterRow & PpidRegisterEntry;

/**
 * The OPD's request register (the law's *buku register*) and its yearly public-information service report,
 * both generated from the requests themselves — nothing to fill in by hand, nothing personal.
 */
@Injectable()
export class PpidReportService {
  private readonly register = new InformationRegisterRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CalendarService) private readonly calendar: CalendarService,
  ) {}

  async registerPage(
    tenant: TenantContext,
    year: number,
    page: { limit: number; offset: number },
    now = new Date(),
  ): Promise<{ items: RegisterEntry[]; total: number }> {
    assertReportYear(year, now);
    const { rows, total } = await this.db.inTenant(tenant.tenantId, (tx) =>
      this.register.year(tx, year, page),
    );
    return {
      items: rows.map((row) => ({
        ...row,
        statusLabel: STATUS_LABELS[row.status],
        objectionOutcomeLabel: row.objectionOutcome ? OBJECTION_OUTCOME_LABELS[row.objectionOutcome] : null,
      })),
      total,
    };
  }

  /** The report of `year` for the OPD with this id (the current year: to date). */
  async report(tenantId: string, year: number, now = new Date()): Promise<ServiceReport> {
    assertReportYear(year, now);
    const { rows } = await this.db.inTenant(tenantId, (tx) => this.register.year(tx, year));
    // A request of December is answered in January: the calendar reaches into the next year.
    const calendar = await this.calendar.calendar(year, year + 1);
    return serviceReport(year, rows, wibDay(now), calendar);
  }
}

function assertReportYear(year: number, now: Date): void {
  const current = Number(wibDay(now).slice(0, 4));
  if (year < PPID_FIRST_REPORT_YEAR || year > current)
    throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
      fieldError('year', 'reportYear', `Tahun laporan antara ${PPID_FIRST_REPORT_YEAR} dan ${current}`, [
        PPID_FIRST_REPORT_YEAR,
        current,
      ]),
    ]);
}

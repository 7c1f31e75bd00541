import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { YearQueryDto } from '../../core/http/year-query.dto';
import { DELIVERIES, REQUEST_STATUSES } from './information-request';
import { OBJECTION_OUTCOMES, OBJECTION_REASONS } from './objection';

/** The year the requests were received (WIB). */
export class ReportYearQueryDto extends YearQueryDto {}

export class RegisterQueryDto extends IntersectionType(PageQueryDto, YearQueryDto) {}

export class RegisterRowDto {
  @ApiProperty({ example: 'PPID-7K3M-Q9TX' }) code: string;
  @ApiProperty({ example: '2026-12-01' }) receivedOn: string;
  @ApiProperty() information: string;
  @ApiProperty({ enum: DELIVERIES }) delivery: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: string;
  @ApiProperty({ example: 'Dikabulkan' }) statusLabel: string;
  @ApiProperty({ example: '2026-12-15' }) dueOn: string;
  @ApiProperty({ nullable: true, type: String }) answeredOn: string | null;
  @ApiProperty() extended: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Dasar pengecualian yang dikutip' })
  exemption: string | null;
  @ApiProperty({ nullable: true, type: String }) forwardedFromCode: string | null;
  @ApiProperty({ nullable: true, type: String }) forwardedToCode: string | null;
  @ApiProperty({ nullable: true, type: String }) objectedOn: string | null;
  @ApiProperty({ nullable: true, enum: OBJECTION_REASONS, isArray: true }) objectionReasons: string[] | null;
  @ApiProperty({ nullable: true, enum: OBJECTION_OUTCOMES }) objectionOutcome: string | null;
  @ApiProperty({ nullable: true, type: String }) objectionOutcomeLabel: string | null;
}

export class RegisterPageDto {
  @ApiProperty({ type: [RegisterRowDto] }) items: RegisterRowDto[];
  @ApiProperty() total: number;
}

export class ExemptionCountDto {
  @ApiProperty() exemption: string;
  @ApiProperty() count: number;
}

export class ObjectionFiguresDto {
  @ApiProperty() filed: number;
  @ApiProperty() upheld: number;
  @ApiProperty() rejected: number;
  @ApiProperty() open: number;
}

export class ServiceReportDto {
  @ApiProperty() year: number;
  @ApiProperty({
    example: '2026-12-01',
    description: 'Tanggal penghitungan (tahun berjalan: sampai hari ini)',
  })
  asOf: string;
  @ApiProperty() received: number;
  @ApiProperty() granted: number;
  @ApiProperty() partlyGranted: number;
  @ApiProperty() refused: number;
  @ApiProperty() notHeld: number;
  @ApiProperty() forwarded: number;
  @ApiProperty({ description: 'Belum dijawab' }) open: number;
  @ApiProperty({
    type: [ExemptionCountDto],
    description: 'Penolakan (seluruh atau sebagian) per dasar pengecualian',
  })
  refusedBy: ExemptionCountDto[];
  @ApiProperty({ description: 'Dijawab melewati batas, atau belum dijawab dan sudah lewat batas' })
  late: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Rata-rata hari kerja sampai dijawab' })
  averageWorkingDays: number | null;
  @ApiProperty({ nullable: true, type: Number }) longestWorkingDays: number | null;
  @ApiProperty({ type: ObjectionFiguresDto }) objections: ObjectionFiguresDto;
}

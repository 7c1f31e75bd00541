import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { GuardedFormDto } from '../../core/abuse/guarded-form.dto';
import { trim, trimLower } from '../../core/http/dto-fields';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { IsIndonesianPhone } from '../../core/http/validators';
import { DELIVERIES, type Delivery, REQUEST_STATUSES } from './information-request';
import { EVENT_KINDS } from './information-request-events.repository';
import {
  OBJECTION_OUTCOMES,
  OBJECTION_REASONS,
  type ObjectionOutcome,
  type ObjectionReason,
} from './objection';

/** A citizen's information request, as the PPID form on an OPD site sends it. */
export class SubmitRequestDto extends GuardedFormDto {
  @ApiProperty({ example: 'Siti Aminah', minLength: 3, maxLength: 120 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: 'Jl. Teuku Umar No. 1, Kedaton, Bandar Lampung', minLength: 5, maxLength: 300 })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(300)
  address: string;

  @ApiPropertyOptional({
    example: 'siti@example.id',
    description: 'Surel dan/atau telepon: paling tidak satu',
  })
  @IsOptional()
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '0812-3456-7890' })
  @IsOptional()
  @Transform(trim)
  @IsIndonesianPhone()
  phone?: string;

  @ApiProperty({ description: 'Informasi yang diminta', minLength: 10, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  information: string;

  @ApiProperty({ description: 'Tujuan penggunaan informasi', minLength: 10, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  purpose: string;

  @ApiProperty({
    enum: DELIVERIES,
    description:
      'Cara menerima: email (salinan elektronik), pickup (diambil di kantor), post (dikirim lewat pos)',
  })
  @IsIn(DELIVERIES)
  delivery: Delivery;
}

export class RequestStatusQueryDto {
  @ApiProperty({ example: 'PPID-7K3M-Q9TX' })
  @Transform(trim)
  @IsString()
  @MinLength(8)
  @MaxLength(20)
  code: string;

  @ApiProperty({ example: 'siti@example.id', description: 'Surel atau telepon yang diisi saat memohon' })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(254)
  contact: string;
}

/** The requester's answer to the PPID's request for clarification, with the code and contact that open it. */
export class ClarificationReplyDto extends RequestStatusQueryDto {
  @ApiProperty({ description: 'Penjelasan pemohon', minLength: 10, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  message: string;
}

export class AttachmentDto {
  @ApiProperty({ example: 'daftar-penerima-beasiswa-2026.pdf' }) fileName: string;
  @ApiProperty({ description: 'Alamat bertanda tangan, berlaku satu sampai dua jam' }) url: string;
  @ApiProperty({ example: 'application/pdf' }) mimeType: string;
  @ApiProperty() bytes: number;
}

export class RequestStepDto {
  @ApiProperty({ enum: EVENT_KINDS }) kind: string;
  @ApiProperty({ example: 'Diperpanjang' }) label: string;
  @ApiProperty() at: Date;
  @ApiProperty({ description: 'Pesan PPID kepada pemohon' }) message: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Dasar pengecualian (ditolak, dikabulkan sebagian)',
  })
  exemption: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Batas jawaban baru (perpanjangan)' })
  dueOn: string | null;
  @ApiProperty({ type: [AttachmentDto], description: 'Berkas yang dilampirkan PPID pada jawaban' })
  files: AttachmentDto[];
}

/** The requester's objection to the PPID's answer, with the code and contact that open the request. */
export class FileObjectionDto extends RequestStatusQueryDto {
  @ApiProperty({
    enum: OBJECTION_REASONS,
    isArray: true,
    description: 'Alasan keberatan (UU 14/2008 pasal 35 ayat 1, huruf a–g): paling tidak satu',
  })
  @Transform(({ value }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(OBJECTION_REASONS.length)
  @IsIn(OBJECTION_REASONS, { each: true })
  reasons: ObjectionReason[];

  @ApiProperty({
    description: 'Kasus posisi: apa yang terjadi dan apa yang diminta',
    minLength: 10,
    maxLength: 2000,
  })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  statement: string;
}

export class ObjectionDto {
  @ApiProperty({ enum: OBJECTION_REASONS, isArray: true }) reasons: string[];
  @ApiProperty({ type: [String] }) reasonLabels: string[];
  @ApiProperty() statement: string;
  @ApiProperty() receivedAt: Date;
  @ApiProperty({ example: '2027-01-14', description: 'Batas jawaban atasan PPID: 30 hari kerja' })
  dueOn: string;
  @ApiProperty({ enum: OBJECTION_OUTCOMES, nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String }) outcomeLabel: string | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'Jawaban atasan PPID' }) decision: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Batas mengajukan sengketa ke Komisi Informasi: 14 hari kerja sejak jawaban',
  })
  disputeUntil: string | null;
}

/** An objection with the id the atasan PPID answers it by. */
export class IdentifiedObjectionDto extends ObjectionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class RequestReceiptDto {
  @ApiProperty({ example: 'PPID-7K3M-Q9TX', description: 'Nomor pendaftaran: simpan untuk melihat status' })
  code: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: string;
  @ApiProperty({ example: 'Diterima, sedang diproses' }) statusLabel: string;
  @ApiProperty() receivedAt: Date;
  @ApiProperty({ example: '2026-12-14', description: 'Batas jawaban: 10 hari kerja sejak diterima' })
  dueOn: string;
  @ApiProperty({ nullable: true, type: String, description: 'Tanggal PPID menjawab atau meneruskan' })
  answeredOn: string | null;
  @ApiProperty({ type: [RequestStepDto], description: 'Tindak lanjut PPID, yang terlama dahulu' })
  steps: RequestStepDto[];
  @ApiProperty({ type: ObjectionDto, nullable: true, description: 'Keberatan pemohon, bila diajukan' })
  objection: ObjectionDto | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Hari terakhir keberatan dapat diajukan (null: belum atau tidak dapat lagi)',
  })
  objectionUntil: string | null;
}

export class QueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: yang belum dijawab; false: yang sudah dijawab; kosong: semua',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
}

export class QueueEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'PPID-7K3M-Q9TX' }) code: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty() receivedAt: Date;
  @ApiProperty({ example: '2026-12-14' }) dueOn: string;
  @ApiProperty({ nullable: true, type: String }) answeredOn: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Sisa hari kerja sampai batas jawaban (0: hari ini); null bila sudah dijawab atau terlambat',
  })
  workingDaysLeft: number | null;
  @ApiProperty({ description: 'Belum dijawab dan sudah lewat batas' }) overdue: boolean;
  @ApiProperty() information: string;
  @ApiProperty({ enum: DELIVERIES }) delivery: string;
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueEntryDto] }) items: QueueEntryDto[];
  @ApiProperty() total: number;
}

export class ExemptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class RequesterDto {
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

export class RequestDetailDto extends QueueEntryDto {
  @ApiProperty({ nullable: true, type: String, description: 'null setelah data pribadi dihapus' })
  purpose: string | null;
  @ApiProperty({
    type: RequesterDto,
    nullable: true,
    description:
      'Data pribadi pemohon: setiap kali dibuka tercatat di log audit; null setelah masa simpannya berakhir',
  })
  requester: RequesterDto | null;
  @ApiProperty({ nullable: true, type: Date, description: 'Kapan data pribadi pemohon dihapus' })
  personalDataErasedAt: Date | null;
  @ApiProperty({ description: 'Perpanjangan (sekali saja) sudah dipakai' }) extended: boolean;
  @ApiProperty({ type: [RequestStepDto] }) steps: RequestStepDto[];
  @ApiProperty({
    type: [ExemptionDto],
    description: 'Daftar informasi dikecualikan OPD ini yang sudah terbit',
  })
  exemptions: ExemptionDto[];
  @ApiProperty({ type: () => IdentifiedObjectionDto, nullable: true, description: 'Keberatan pemohon' })
  objection: IdentifiedObjectionDto | null;
}

/** What the PPID writes to the requester at each step: read on the status page and in the e-mail. */
function MessageField(description: string) {
  return function (target: object, key: string) {
    ApiProperty({ description, minLength: 10, maxLength: 2000 })(target, key);
    Transform(trim)(target, key);
    IsString()(target, key);
    MinLength(10)(target, key);
    MaxLength(2000)(target, key);
  };
}

export class ClarificationDto {
  @MessageField('Apa yang perlu dijelaskan pemohon') message: string;
}

export class ExtensionDto {
  @MessageField('Alasan perpanjangan (sekali, paling lama 7 hari kerja)') reason: string;
}

export class DecisionDto {
  @ApiProperty({ enum: ['granted', 'partly_granted', 'refused', 'not_held'] })
  @IsIn(['granted', 'partly_granted', 'refused', 'not_held'])
  outcome: 'granted' | 'partly_granted' | 'refused' | 'not_held';

  @MessageField(
    'Jawaban kepada pemohon: informasinya atau cara memperolehnya, alasan penolakan, atau badan publik yang menguasainya',
  )
  message: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Wajib untuk ditolak dan dikabulkan sebagian: dokumen terbit berkelas "dikecualikan" dari OPD ini',
  })
  @IsOptional()
  @IsUUID()
  exemptionItemId?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description: 'Untuk dikabulkan (sebagian): berkas dari pustaka media OPD yang dilampirkan pada jawaban',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  attachments?: string[];
}

export class ForwardDto {
  @ApiProperty({ example: 'dinas-pendidikan', description: 'Slug OPD tujuan' })
  @Transform(trimLower)
  @IsString()
  @MaxLength(48)
  tenant: string;

  @MessageField('Penjelasan kepada pemohon mengapa diteruskan') message: string;
}

export class StepResultDto {
  @ApiProperty({ enum: REQUEST_STATUSES }) status: string;
  @ApiProperty({ example: '2026-12-21', description: 'Batas jawaban (di OPD tujuan, bila diteruskan)' })
  dueOn: string;
  @ApiPropertyOptional({ description: 'Nomor pendaftaran di OPD tujuan' }) forwardedToCode?: string;
}

export class ObjectionDecisionDto {
  @ApiProperty({ enum: OBJECTION_OUTCOMES, description: 'upheld: keberatan diterima; rejected: ditolak' })
  @IsIn(OBJECTION_OUTCOMES)
  outcome: ObjectionOutcome;

  @MessageField('Jawaban tertulis atasan PPID kepada pemohon, dengan alasannya') message: string;
}

export class ObjectionEntryDto extends IdentifiedObjectionDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ example: 'PPID-7K3M-Q9TX' }) code: string;
  @ApiProperty() information: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Sisa hari kerja sampai batas jawaban' })
  workingDaysLeft: number | null;
  @ApiProperty() overdue: boolean;
}

export class ObjectionPageDto {
  @ApiProperty({ type: [ObjectionEntryDto] }) items: ObjectionEntryDto[];
  @ApiProperty() total: number;
}

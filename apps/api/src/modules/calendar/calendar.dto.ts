import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../core/http/dto-fields';
import { YearQueryDto } from '../../core/http/year-query.dto';

export class CalendarYearQueryDto extends YearQueryDto {}

export class CalendarCorrectionDto {
  @ApiProperty({
    enum: ['holiday', 'collective_leave', 'working'],
    description: 'holiday: libur nasional; collective_leave: cuti bersama; working: hari kerja biasa',
  })
  @IsIn(['holiday', 'collective_leave', 'working'])
  kind: 'holiday' | 'collective_leave' | 'working';

  @ApiProperty({ example: 'Cuti bersama Idul Fitri 1448 H', minLength: 3, maxLength: 120 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(120)
  name: string;
}

export class DayOffDto {
  @ApiProperty({ example: '2026-03-23' }) day: string;
  @ApiProperty({ enum: ['holiday', 'collective_leave'] }) kind: string;
  @ApiProperty({ example: 'Cuti bersama Idul Fitri 1447 H' }) name: string;
  @ApiProperty({
    enum: ['library', 'decree', 'admin'],
    description:
      'library: pustaka date-holidays; decree: SKB yang dibawa Laman; admin: koreksi admin platform',
  })
  source: string;
}

export class WorkingDayDto {
  @ApiProperty({ example: '2026-03-20' }) day: string;
  @ApiProperty() name: string;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: [DayOffDto], description: 'Hari libur dan cuti bersama (selain Sabtu dan Minggu)' })
  daysOff: DayOffDto[];
  @ApiProperty({ type: [WorkingDayDto], description: 'Hari yang dinyatakan hari kerja oleh admin platform' })
  workingDays: WorkingDayDto[];
}

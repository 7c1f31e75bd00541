import { Body, Controller, Delete, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../core/access/current.decorators';
import { PlatformEndpoint } from '../../core/access/endpoint.decorators';
import { type Principal } from '../../core/access/principal';
import { DayParam } from '../../core/http/day-param';
import { CalendarCorrectionDto, CalendarYearDto, CalendarYearQueryDto } from './calendar.dto';
import { CalendarService } from './calendar.service';

@ApiTags('Kalender kerja')
@Controller('admin/calendar')
export class CalendarController {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  @Get()
  @PlatformEndpoint({
    summary: 'Hari libur nasional dan cuti bersama setahun, dasar tenggat hari kerja (PPID, keberatan)',
    roles: ['platform_admin', 'monitor'],
    errors: [400],
  })
  @ApiOkResponse({ type: CalendarYearDto })
  year(@Query() query: CalendarYearQueryDto): Promise<CalendarYearDto> {
    return this.calendar.year(query.year);
  }

  @Put('days/:day')
  @PlatformEndpoint({
    summary: 'Mengoreksi satu hari: libur, cuti bersama, atau hari kerja (mis. SKB tahun baru)',
    roles: ['platform_admin'],
    errors: [400],
  })
  @ApiOkResponse({ type: CalendarYearDto })
  correct(
    @DayParam('day') day: string,
    @Body() body: CalendarCorrectionDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<CalendarYearDto> {
    return this.calendar.correct({ day, ...body }, actor);
  }

  @Delete('days/:day')
  @PlatformEndpoint({
    summary: 'Menghapus koreksi satu hari: kembali ke kalender bawaan',
    roles: ['platform_admin'],
    errors: [400, 404],
  })
  @ApiOkResponse({ type: CalendarYearDto })
  removeCorrection(@DayParam('day') day: string): Promise<CalendarYearDto> {
    return this.calendar.removeCorrection(day);
  }
}

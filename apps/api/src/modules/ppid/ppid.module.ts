import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PublicModule } from '../public/public.module';
import { InformationRequestsService } from './information-requests.service';
import { PublicFormLimits } from './public-form-limits';
import { PublicPpidController } from './public-ppid.controller';

/** Citizens' information requests to each OPD's PPID (UU 14/2008). */
@Module({
  imports: [PublicModule, CalendarModule],
  controllers: [PublicPpidController],
  providers: [InformationRequestsService, PublicFormLimits],
})
export class PpidModule {}

import { Module } from '@nestjs/common';
import { Mailer } from '../../core/mail/mailer';
import { OversightModule } from '../oversight/oversight.module';
import { DigestsController } from './digests.controller';
import { DigestsService } from './digests.service';

@Module({
  imports: [OversightModule],
  controllers: [DigestsController],
  providers: [DigestsService, Mailer],
})
export class DigestsModule {}

import { Module } from '@nestjs/common';
import { Mailer } from '../../core/mail/mailer';
import { NotificationMailer } from './notification-mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Telling people what the workflow did with their items, in the app and by e-mail. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationMailer, Mailer],
  exports: [NotificationsService],
})
export class NotificationsModule {}

import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { Mailer } from '../../core/mail/mailer';
import { PeriodicService } from '../../core/scheduling/periodic-service';
import { notificationMail } from './notification-text';
import { NotificationsRepository } from './notifications.repository';

const BATCH = 50;

/**
 * Sends notifications by e-mail when SMTP is set (SMTP_URL): every few seconds, the unsent ones of the last
 * day, each claimed once (two API instances never send one twice). Without SMTP nothing is claimed: the app
 * shows them all the same.
 */
@Injectable()
export class NotificationMailer extends PeriodicService<number> {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(NotificationsRepository) private readonly notifications: NotificationsRepository,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('NotificationMailer', config.schedulerIntervalSeconds, db);
  }

  protected nothing(): number {
    return 0;
  }

  /** One pass by hand (tests); returns how many were sent. */
  send(): Promise<number> {
    return this.runPass();
  }

  protected async pass(): Promise<number> {
    if (!this.mailer.configured) return 0;
    const claimed = await this.db.inPlatform((manager) => this.notifications.claimUnsent(manager, BATCH));
    let sent = 0;
    for (const row of claimed) {
      const mail = notificationMail(row, this.config.adminUrl);
      const status = await this.mailer.send({ to: [row.email], ...mail }).then(
        () => 'sent',
        (error: unknown) => {
          this.logger.warn({ err: error, notification: row.id }, 'Notification e-mail failed');
          return 'failed';
        },
      );
      if (status === 'sent') sent += 1;
      await this.db.inPlatform((manager) => this.notifications.recordEmail(manager, [row.id], status));
    }
    return sent;
  }
}

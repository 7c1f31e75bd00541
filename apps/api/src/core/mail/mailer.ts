import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Sends e-mail through the configured SMTP server (SMTP_URL); without one, `configured` is false. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly smtpUrl: string | null;
  private readonly from: string;
  /** Made on the first mail: nodemailer is loaded then, not by every API that never sends one. */
  private transport: Promise<Transporter> | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.smtpUrl = config.mail.smtpUrl ?? null;
    this.from = config.mail.from;
  }

  get configured(): boolean {
    return this.smtpUrl !== null;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.smtpUrl) throw new Error('SMTP is not configured');
    const smtpUrl = this.smtpUrl;
    this.transport ??= import('nodemailer').then(({ createTransport }) => createTransport(smtpUrl));
    const transport = await this.transport;
    await transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }

  async onApplicationShutdown(): Promise<void> {
    const transport = await this.transport?.catch(() => null);
    transport?.close();
  }
}

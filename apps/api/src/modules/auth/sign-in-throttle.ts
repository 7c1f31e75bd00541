import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { normalizeEmail } from '../users/users.repository';

/** Failures fade by half every 10 minutes: a burst an hour ago weighs about 1/64 of one now. */
const HALF_LIFE_SECONDS = 600;
/** The first wait once a threshold is passed; each further failure doubles it, up to the configured cap. */
const FIRST_WAIT_SECONDS = 30;

export interface SignInClient {
  ip: string | null;
}

/**
 * Who may try a password now. Failures count against "this email from this client" and against "this
 * client", never against the account as such, so someone failing elsewhere can never keep the owner out,
 * and an unknown email is treated exactly like a known one (same keys, same answers). Used by sign-in and by
 * accepting an invitation with an existing account's password.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses with 429 (and Retry-After) while this email from this client, or this client, must wait. */
  async assertMayTry(email: string, client: SignInClient): Promise<void> {
    const rows: Array<{ until: Date | null }> = await this.db.platformQuery(
      `SELECT max(blocked_until) AS until FROM sign_in_failures WHERE key = ANY($1) AND blocked_until > now()`,
      [this.keys(email, client).map((key) => key.name)],
    );
    const until = rows[0]?.until;
    if (until) throw mustWait(until);
  }

  async recordFailure(email: string, client: SignInClient): Promise<void> {
    const capSeconds = this.config.auth.loginLockMinutes * 60;
    for (const key of this.keys(email, client)) {
      await this.db.platformQuery(`SELECT record_sign_in_failure($1, $2, $3, $4, $5)`, [
        key.name,
        key.threshold,
        HALF_LIFE_SECONDS,
        FIRST_WAIT_SECONDS,
        capSeconds,
      ]);
    }
  }

  /** The right password from this client clears this email's count here (not the client's). */
  async recordSuccess(email: string, client: SignInClient): Promise<void> {
    await this.db.platformQuery(`DELETE FROM sign_in_failures WHERE key = $1`, [
      this.keys(email, client)[0]!.name,
    ]);
  }

  private keys(email: string, client: SignInClient): Array<{ name: string; threshold: number }> {
    const ip = client.ip ?? 'unknown';
    // The email is hashed so the table holds no address list of who tried what.
    const emailHash = createHash('sha256').update(normalizeEmail(email)).digest('hex').slice(0, 32);
    return [
      { name: `email-client:${emailHash}:${ip}`, threshold: this.config.auth.loginMaxFailures },
      { name: `client:${ip}`, threshold: this.config.auth.loginClientMaxFailures },
    ];
  }
}

function mustWait(until: Date): DomainError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new DomainError(
    'AUTH_THROTTLED',
    `Terlalu banyak percobaan masuk yang gagal dari perangkat ini. Coba lagi dalam ${minutes} menit.`,
    [],
    { 'Retry-After': String(seconds) },
  );
}

import { hkdfSync, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Challenge, createChallenge, type Solution, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { DomainError } from '../errors/domain-error';
import { RequestThrottleStorage } from '../http/request-throttle-storage';

/** How long a challenge may be solved and used: a form filled on a slow phone, once. */
const CHALLENGE_TTL_MS = 30 * 60_000;

/**
 * Self-hosted proof of work for citizens' forms (ALTCHA v2, PBKDF2): the browser fetches a signed challenge,
 * works out the counter it hides (a second or two on a phone), and sends the solution with the form. The server
 * checks the signature, the solution, the form it was issued for, that it is used once, and that the form was not
 * sent sooner than a person could fill it. Nothing is loaded from outside; the secrets derive from
 * PERSONAL_DATA_KEY, so every replica issues and verifies the same challenges.
 */
@Injectable()
export class FormChallenges {
  private readonly signatureSecret: string;
  private readonly keySecret: string;
  private readonly used: RequestThrottleStorage;
  private readonly settings: AppConfig['formChallenge'];

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(Database) db: Database) {
    const derive = (label: string) =>
      Buffer.from(hkdfSync('sha256', config.personalDataKey, Buffer.alloc(0), label, 32)).toString('hex');
    this.signatureSecret = derive('laman:form-challenge:signature');
    this.keySecret = derive('laman:form-challenge:key');
    this.used = new RequestThrottleStorage(db);
    this.settings = config.formChallenge;
  }

  /** A challenge for `form` (its name, as the check will ask for it). */
  issue(form: string, now = new Date()): Promise<Challenge> {
    const { cost, counterMax } = this.settings;
    return createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost,
      counter: randomInt(Math.ceil(counterMax / 2), counterMax + 1),
      deriveKey,
      data: { form, issuedAt: now.getTime() },
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySecret,
    });
  }

  /**
   * Checks the widget's payload (base64 JSON of the challenge and its solution) for `form`; throws a clear
   * refusal when it is not a fresh, solved, unused challenge of this server for this form.
   */
  async verify(form: string, payload: string, now = new Date()): Promise<void> {
    const proof = parsePayload(payload);
    const result = proof
      ? await verifySolution({
          ...proof,
          deriveKey,
          hmacSignatureSecret: this.signatureSecret,
          hmacKeySignatureSecret: this.keySecret,
        }).catch(() => null)
      : null;
    const data = proof?.challenge.parameters.data ?? {};
    if (!result?.verified || data['form'] !== form)
      throw new DomainError(
        'CHALLENGE_FAILED',
        result?.expired
          ? 'Verifikasi otomatis kedaluwarsa: muat ulang halaman, lalu kirim lagi'
          : 'Verifikasi otomatis gagal: muat ulang halaman, lalu kirim lagi',
      );
    if (now.getTime() - Number(data['issuedAt']) < this.settings.minFillMs)
      throw new DomainError(
        'FORM_TOO_FAST',
        'Formulir terkirim terlalu cepat: periksa isian, lalu kirim lagi',
      );
    // Once only: the challenge's signature is counted like a request, and a second use is refused.
    const once = await this.used.increment(
      proof!.challenge.signature!,
      CHALLENGE_TTL_MS,
      1,
      CHALLENGE_TTL_MS,
      'form-challenge',
    );
    if (once.isBlocked)
      throw new DomainError(
        'CHALLENGE_FAILED',
        'Verifikasi otomatis sudah terpakai: muat ulang halaman, lalu kirim lagi',
      );
  }
}

/** The widget's payload, or null when it is not one. */
function parsePayload(payload: string): { challenge: Challenge; solution: Solution } | null {
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as {
      challenge?: Challenge;
      solution?: Solution;
    };
    const ok =
      typeof parsed.challenge?.signature === 'string' &&
      typeof parsed.challenge.parameters === 'object' &&
      typeof parsed.solution?.counter === 'number';
    return ok ? { challenge: parsed.challenge!, solution: parsed.solution! } : null;
  } catch {
    return null;
  }
}

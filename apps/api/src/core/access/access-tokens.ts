import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../errors/domain-error';

interface AccessClaims {
  sub: string;
  sid: string;
  typ: 'access';
  iat?: number;
}

/** Short-lived signed access tokens. They name the session, which the guard checks on every request. */
@Injectable()
export class AccessTokens {
  constructor(
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.auth.accessTtlSeconds;
  }

  /** Deterministic for the same session and issue time, so a repeated refresh can return the same token. */
  sign(userId: string, sessionId: string, issuedAt = new Date()): Promise<string> {
    const claims: AccessClaims = {
      sub: userId,
      sid: sessionId,
      typ: 'access',
      iat: Math.floor(issuedAt.getTime() / 1000),
    };
    return this.jwt.signAsync(claims, { expiresIn: this.ttlSeconds, algorithm: 'HS256' });
  }

  async verify(token: string): Promise<{ userId: string; sessionId: string }> {
    let claims: Partial<AccessClaims>;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw new DomainError(
          'AUTH_TOKEN_EXPIRED',
          'Sesi Anda sudah berakhir; perbarui token atau masuk lagi',
        );
      }
      throw new DomainError('AUTH_TOKEN_INVALID', 'Token akses tidak valid');
    }
    if (claims.typ !== 'access' || !claims.sub || !claims.sid) {
      throw new DomainError('AUTH_TOKEN_INVALID', 'Token akses tidak valid');
    }
    return { userId: claims.sub, sessionId: claims.sid };
  }
}

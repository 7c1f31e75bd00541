import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { AccessTokens } from '../../core/access/access-tokens';
import { type Principal } from '../../core/access/principal';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { AuditLog } from '../audit/audit-log.service';
import { MembershipsRepository } from '../users/memberships.repository';
import { UsersRepository } from '../users/users.repository';
import { AuthSessionsRepository } from './auth-sessions.repository';
import { type MeDto, type SessionDto, type TokenPairDto } from './dto/auth.dto';
import { PasswordHasher } from './password-hasher';
import { assertPasswordPolicy } from './password-policy';
import { hashSecret, newSecret, secretMatches } from './secret-tokens';
import { UserTokensRepository } from './user-tokens.repository';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const INVALID_CREDENTIALS = () => new DomainError('AUTH_INVALID_CREDENTIALS', 'Email atau kata sandi salah');
const INVALID_REFRESH = () =>
  new DomainError('AUTH_REFRESH_INVALID', 'Sesi tidak berlaku lagi; silakan masuk kembali');

/** Sign-in, token rotation, sign-out, password change and invitation acceptance. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('AuthService');

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(MembershipsRepository) private readonly memberships: MembershipsRepository,
    @Inject(AuthSessionsRepository) private readonly sessions: AuthSessionsRepository,
    @Inject(UserTokensRepository) private readonly userTokens: UserTokensRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(AccessTokens) private readonly accessTokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async login(email: string, password: string, client: ClientInfo): Promise<SessionDto> {
    const { loginMaxFailures, loginLockMinutes } = this.config.auth;
    const user = await this.db.inPlatform((manager) => this.users.findWithPassword(manager, { email }));
    if (user?.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw accountLocked(user.lockedUntil);
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !passwordOk) {
      if (user)
        await this.db.inPlatform((manager) =>
          this.users.recordFailedLogin(manager, user.id, loginMaxFailures, loginLockMinutes),
        );
      throw INVALID_CREDENTIALS();
    }
    if (user.status !== 'active') throw INVALID_CREDENTIALS();
    const session = await this.db.inPlatform(async (manager) => {
      await this.users.recordSuccessfulLogin(manager, user.id);
      return this.withUser(user.id, await this.startSession(manager, user.id, client));
    });
    // The sign-in has happened; a failure to log it must not turn it into an error for the user.
    await this.audit
      .recordInTenants(
        session.user.memberships.map((membership) => membership.tenantId),
        {
          actorUserId: user.id,
          action: 'auth.login',
          targetType: 'user',
          targetId: user.id,
          data: { ip: client.ip },
        },
      )
      .catch((error: unknown) =>
        this.logger.error({ err: error, userId: user.id }, 'Could not record sign-in in the audit log'),
      );
    return session;
  }

  /** Rotates the refresh token. Presenting an already used one revokes the whole session (token theft). */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) throw INVALID_REFRESH();
    const outcome = await this.db.inPlatform(async (manager) => {
      const session = await this.sessions.findForUpdate(manager, sessionId);
      if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return null;
      if (!secretMatches(secret, session.secretHash)) {
        await this.sessions.revoke(manager, session.id, 'refresh_reuse');
        return 'reused' as const;
      }
      const user = await this.users.findById(manager, session.userId);
      if (user?.status !== 'active') return null;
      const nextSecret = newSecret();
      await this.sessions.rotate(manager, session.id, hashSecret(nextSecret));
      return this.tokenPair(session.userId, session.id, nextSecret, session.expiresAt);
    });
    if (!outcome || outcome === 'reused') throw INVALID_REFRESH();
    return outcome;
  }

  async logout(principal: Principal): Promise<void> {
    await this.db.inPlatform((manager) => this.sessions.revoke(manager, principal.sessionId, 'logout'));
  }

  me(userId: string): Promise<MeDto> {
    return this.db.asUser(userId, async (manager) => {
      const user = await this.users.findById(manager, userId);
      if (!user) throw new DomainError('AUTH_SESSION_ENDED', 'Sesi Anda sudah berakhir; silakan masuk lagi');
      const memberships = await this.memberships.listOwn(manager, userId);
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        platformRole: user.platformRole,
        memberships,
      };
    });
  }

  /** Every session ends (other devices too); the caller gets a fresh one so they stay signed in here. */
  async changePassword(
    principal: Principal,
    current: string,
    next: string,
    client: ClientInfo,
  ): Promise<SessionDto> {
    const user = await this.db.inPlatform((manager) =>
      this.users.findWithPassword(manager, { id: principal.userId }),
    );
    if (!user || !(await this.hasher.verify(user.passwordHash, current))) {
      throw new DomainError('AUTH_CURRENT_PASSWORD_WRONG', 'Kata sandi saat ini salah', [
        { field: 'currentPassword', constraint: 'matchesCurrent', message: 'currentPassword salah' },
      ]);
    }
    assertPasswordPolicy(next, user, 'newPassword');
    if (await this.hasher.verify(user.passwordHash, next)) {
      throw new DomainError('PASSWORD_POLICY', 'Kata sandi belum memenuhi ketentuan', [
        {
          field: 'newPassword',
          constraint: 'differentFromCurrent',
          message: 'newPassword harus berbeda dari kata sandi saat ini',
        },
      ]);
    }
    const passwordHash = await this.hasher.hash(next);
    return this.db.inPlatform(async (manager) => {
      await this.users.setPassword(manager, user.id, passwordHash);
      await this.sessions.revokeAllForUser(manager, user.id, 'password_changed');
      return this.withUser(user.id, await this.startSession(manager, user.id, client));
    });
  }

  acceptInvitation(token: string, password: string, client: ClientInfo): Promise<SessionDto> {
    return this.setPasswordWithLink(token, 'invitation', password, client);
  }

  /** A forgotten password replaced through a one-time link; every earlier session of the account ends. */
  resetPassword(token: string, password: string, client: ClientInfo): Promise<SessionDto> {
    return this.setPasswordWithLink(token, 'password_reset', password, client);
  }

  private async setPasswordWithLink(
    token: string,
    purpose: 'invitation' | 'password_reset',
    password: string,
    client: ClientInfo,
  ): Promise<SessionDto> {
    const session = await this.db.inPlatform(async (manager) => {
      const used = await this.userTokens.consume(manager, token, purpose);
      const user = used && (await this.users.findById(manager, used.userId));
      if (!used || !user || user.status === 'deactivated') {
        throw new DomainError(
          'INVITATION_INVALID',
          purpose === 'invitation'
            ? 'Tautan undangan tidak berlaku atau sudah dipakai; minta tautan baru ke admin OPD'
            : 'Tautan atur ulang kata sandi tidak berlaku atau sudah dipakai; minta tautan baru ke admin OPD',
        );
      }
      assertPasswordPolicy(password, user);
      await this.users.setPassword(manager, user.id, await this.hasher.hash(password), true);
      if (purpose === 'password_reset')
        await this.sessions.revokeAllForUser(manager, user.id, 'password_changed');
      await this.users.recordSuccessfulLogin(manager, user.id);
      return { userId: user.id, tokens: await this.startSession(manager, user.id, client) };
    });
    return this.withUser(session.userId, session.tokens);
  }

  private async startSession(
    manager: EntityManager,
    userId: string,
    client: ClientInfo,
  ): Promise<TokenPairDto> {
    const secret = newSecret();
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTtlDays * 86_400_000);
    const session = await this.sessions.create(manager, {
      userId,
      secretHash: hashSecret(secret),
      expiresAt,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip,
    });
    return this.tokenPair(userId, session.id, secret, expiresAt);
  }

  private async tokenPair(
    userId: string,
    sessionId: string,
    secret: string,
    expiresAt: Date,
  ): Promise<TokenPairDto> {
    return {
      accessToken: await this.accessTokens.sign(userId, sessionId),
      accessTokenExpiresIn: this.accessTokens.ttlSeconds,
      refreshToken: `${sessionId}.${secret}`,
      refreshTokenExpiresAt: expiresAt,
    };
  }

  private async withUser(userId: string, tokens: TokenPairDto): Promise<SessionDto> {
    return { ...tokens, user: await this.me(userId) };
  }
}

function accountLocked(until: Date): DomainError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new DomainError(
    'AUTH_ACCOUNT_LOCKED',
    `Terlalu banyak percobaan masuk yang gagal. Akun dikunci sementara; coba lagi dalam ${minutes} menit.`,
    [],
    { 'Retry-After': String(seconds) },
  );
}

import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { AccessTokens } from '../../core/access/access-tokens';
import { type Principal } from '../../core/access/principal';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { InvitationsService } from '../users/invitations.service';
import { MembershipsRepository } from '../users/memberships.repository';
import { UsersRepository } from '../users/users.repository';
import { AuthSessionsRepository } from './auth-sessions.repository';
import { type MeDto, type OwnSessionDto, type SessionDto, type TokenPairDto } from './dto/auth.dto';
import { linkNotValid } from './link-errors';
import { PasswordHasher } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';
import { assertPasswordPolicy } from './password-policy';
import { hashSecret, newSecret, secretMatches, successorSecret } from './secret-tokens';
import { UserTokensRepository } from './user-tokens.repository';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** How long the secret a session was just rotated from still answers (with the same new pair). */
const REFRESH_GRACE_MS = 30_000;

const INVALID_CREDENTIALS = () => new DomainError('AUTH_INVALID_CREDENTIALS', 'Email atau kata sandi salah');
const INVALID_REFRESH = () =>
  new DomainError('AUTH_REFRESH_INVALID', 'Sesi tidak berlaku lagi; silakan masuk kembali');

/** Sign-in, token rotation, sign-out, password change and invitation acceptance. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(MembershipsRepository) private readonly memberships: MembershipsRepository,
    @Inject(AuthSessionsRepository) private readonly sessions: AuthSessionsRepository,
    @Inject(UserTokensRepository) private readonly userTokens: UserTokensRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(AccessTokens) private readonly accessTokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(InvitationsService) private readonly grants: InvitationsService,
    @Inject(SignInThrottle) private readonly throttle: SignInThrottle,
  ) {}

  /**
   * The same answer, after the same work, for an unknown email, a wrong password and an account that cannot
   * sign in (invited, deactivated): 401; and for a client that must wait, 429 before any password is checked.
   */
  async login(email: string, password: string, client: ClientInfo): Promise<SessionDto> {
    await this.throttle.assertMayTry(email, client);
    const user = await this.db.inPlatform((manager) => this.users.findWithPassword(manager, { email }));
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !passwordOk || user.status !== 'active') {
      await this.throttle.recordFailure(email, client);
      throw INVALID_CREDENTIALS();
    }
    await this.throttle.recordSuccess(email, client);
    return this.db.inPlatform(async (manager) => {
      await this.users.recordSuccessfulLogin(manager, user.id);
      return this.withUser(user.id, await this.startSession(manager, user.id, client));
    });
  }

  /**
   * Rotates the refresh token. Refreshes racing with the same token (two tabs) within a short grace window get
   * the same new pair; a wrong secret is refused and leaves the session alone; only the previous secret
   * presented again after the window (a stolen copy being replayed) revokes the session.
   */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) throw INVALID_REFRESH();
    const outcome = await this.db.inPlatform(async (manager) => {
      const session = await this.sessions.findForUpdate(manager, sessionId);
      if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return null;
      const user = await this.users.findById(manager, session.userId);
      if (user?.status !== 'active') return null;
      const next = successorSecret(this.config.auth.jwtSecret, session.id, secret);
      if (secretMatches(secret, session.secretHash)) {
        const rotatedAt = new Date();
        await this.sessions.rotate(manager, session.id, {
          secretHash: hashSecret(next),
          previousSecretHash: session.secretHash,
          rotatedAt,
        });
        return this.tokenPair(session.userId, session.id, next, session.expiresAt, rotatedAt);
      }
      if (!session.previousSecretHash || !secretMatches(secret, session.previousSecretHash)) return null;
      const racing =
        session.rotatedAt &&
        Date.now() - session.rotatedAt.getTime() <= REFRESH_GRACE_MS &&
        secretMatches(next, session.secretHash);
      if (racing)
        return this.tokenPair(session.userId, session.id, next, session.expiresAt, session.rotatedAt!);
      await this.sessions.revoke(manager, session.id, 'refresh_reuse');
      return 'reused' as const;
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

  /** The caller's own signed-in devices (sign-in time, address, browser). */
  async ownSessions(principal: Principal): Promise<OwnSessionDto[]> {
    const sessions = await this.db.inPlatform((manager) => this.sessions.listLive(manager, principal.userId));
    return sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt,
      lastUsedAt: session.lastUsedAt,
      ip: session.ip,
      userAgent: session.userAgent,
      current: session.id === principal.sessionId,
    }));
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

  /**
   * Accepts one invitation's grant (a membership, or a platform role). The link of the grant an account was
   * created for chooses its first password; any other link works only for someone who proves they own the
   * account with its password, so holding a link never hands over an account that has (or will have) an
   * owner. Nothing is written unless all of it succeeds; a wrong password leaves the link usable.
   */
  async acceptInvitation(token: string, password: string, client: ClientInfo): Promise<SessionDto> {
    let failedFor: string | null = null;
    const accepted = await this.db
      .inPlatform(async (manager) => {
        const link = await this.userTokens.findUsable(manager, token, 'invitation');
        const user = link && (await this.users.findWithPassword(manager, { id: link.userId }));
        if (!link || !user || user.status === 'deactivated') throw linkNotValid('invitation');
        if (user.status === 'invited') {
          if (!link.claimsAccount) throw accountNotActivatedYet();
          assertPasswordPolicy(password, user);
          await this.users.setPassword(manager, user.id, await this.hasher.hash(password), true);
        } else {
          await this.throttle.assertMayTry(user.email, client);
          if (!(await this.hasher.verify(user.passwordHash, password))) {
            failedFor = user.email;
            throw ownerPasswordWrong();
          }
        }
        await this.grants.applyGrant(manager, link, user);
        await this.userTokens.markUsed(manager, link.id);
        await this.users.recordSuccessfulLogin(manager, user.id);
        return { userId: user.id, tokens: await this.startSession(manager, user.id, client) };
      })
      .catch(async (failure: unknown) => {
        // Counted outside the rolled-back transaction: a guessed password on a link counts like a sign-in.
        if (failedFor) await this.throttle.recordFailure(failedFor, client);
        throw failure;
      });
    return this.withUser(accepted.userId, accepted.tokens);
  }

  /** A forgotten password replaced through a one-time link; every earlier session of the account ends. */
  async resetPassword(token: string, password: string, client: ClientInfo): Promise<SessionDto> {
    const session = await this.db.inPlatform(async (manager) => {
      const link = await this.userTokens.findUsable(manager, token, 'password_reset');
      const user = link && (await this.users.findById(manager, link.userId));
      if (!link || !user || user.status !== 'active') throw linkNotValid('password_reset');
      assertPasswordPolicy(password, user);
      await this.users.setPassword(manager, user.id, await this.hasher.hash(password));
      await this.userTokens.markUsed(manager, link.id);
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
    issuedAt = new Date(),
  ): Promise<TokenPairDto> {
    return {
      accessToken: await this.accessTokens.sign(userId, sessionId, issuedAt),
      accessTokenExpiresIn: this.accessTokens.ttlSeconds,
      refreshToken: `${sessionId}.${secret}`,
      refreshTokenExpiresAt: expiresAt,
    };
  }

  private async withUser(userId: string, tokens: TokenPairDto): Promise<SessionDto> {
    return { ...tokens, user: await this.me(userId) };
  }
}

function accountNotActivatedYet(): DomainError {
  return new DomainError(
    'INVITATION_ACCOUNT_NOT_ACTIVE',
    'Akun untuk email ini belum diaktifkan. Buka dulu tautan undangan pertama yang Anda terima untuk membuat kata sandi, lalu buka tautan ini lagi.',
  );
}

function ownerPasswordWrong(): DomainError {
  return new DomainError(
    'INVITATION_PASSWORD_WRONG',
    'Email ini sudah punya akun Laman: masukkan kata sandi akun tersebut untuk menerima undangan',
    [{ field: 'password', constraint: 'matchesAccount', message: 'password tidak cocok dengan akun ini' }],
  );
}

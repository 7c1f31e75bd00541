import { AuthSession } from './auth-session.entity';
import { UserToken } from './user-token.entity';

/** The auth module's tables (sessions, one-time tokens), as TypeORM maps them. */
export const AUTH_ENTITIES = [AuthSession, UserToken];

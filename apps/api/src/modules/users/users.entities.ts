import { User } from './user.entity';
import { Membership } from './membership.entity';

/** The users module's tables (people and their roles in OPDs), as TypeORM maps them. */
export const USERS_ENTITIES = [User, Membership];

import { SpamTerm } from './spam-term.entity';

/** The moderation module's table (the spam terms), as TypeORM maps them. */
export const MODERATION_ENTITIES = [SpamTerm];

import { Media } from './media.entity';

/** The media module's table, as TypeORM maps them. */
export const MEDIA_ENTITIES = [Media];

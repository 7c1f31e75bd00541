import { SiteChangeEvent } from './site-change-event.entity';

/** The site-changes module's table, as TypeORM maps them. */
export const SITE_CHANGES_ENTITIES = [SiteChangeEvent];

import { TENANTS_ENTITIES } from './modules/tenants/tenants.entities';
import { USERS_ENTITIES } from './modules/users/users.entities';
import { AUTH_ENTITIES } from './modules/auth/auth.entities';
import { AUDIT_ENTITIES } from './modules/audit/audit.entities';
import { CONTENT_ENTITIES } from './modules/content/content.entities';
import { SITE_CHANGES_ENTITIES } from './modules/site-changes/site-changes.entities';
import { MEDIA_ENTITIES } from './modules/media/media.entities';
import { BUILDS_ENTITIES } from './modules/builds/builds.entities';
import { MODERATION_ENTITIES } from './modules/moderation/moderation.entities';

/**
 * Every table mapped by TypeORM, as each module contributes it: the application puts them together here (as
 * app.module.ts puts the modules together), so `core/` knows no module. Listed explicitly (no globs): the same
 * list works from src under jest and from dist.
 */
export const ENTITIES = [
  ...TENANTS_ENTITIES,
  ...USERS_ENTITIES,
  ...AUTH_ENTITIES,
  ...AUDIT_ENTITIES,
  ...CONTENT_ENTITIES,
  ...SITE_CHANGES_ENTITIES,
  ...MEDIA_ENTITIES,
  ...BUILDS_ENTITIES,
  ...MODERATION_ENTITIES,
];

import { SiteBuild } from './site-build.entity';
import { PlatformAlert } from './platform-alert.entity';

/** The builds module's tables (builds, platform alerts), as TypeORM maps them. */
export const BUILDS_ENTITIES = [SiteBuild, PlatformAlert];

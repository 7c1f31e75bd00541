import { type EntityManager } from 'typeorm';
import { type AppConfig } from '../../core/config/app-config';
import { SiteFolders } from './site-folders';
import { SitePointers } from './site-pointers';

/**
 * Where the platform switches what an OPD's site shows: a kept build (rollback), the suspension page, or back.
 * On one shared disk (`SiteFolders`, `pnpm start`) or through each OPD's live pointer in object storage
 * (`SitePointers`, read by every edge). Each call is made inside the transaction that records the change
 * (`manager`), last, so a failed switch rolls the record back with it.
 */
export interface LiveSites {
  /** The builds that can be made live again (the last few of each OPD are kept). */
  keptBuilds(manager: EntityManager, slug: string): Promise<Set<string>>;
  /** Makes a kept build what citizens see (while suspended: what reactivation brings back). */
  makeLive(manager: EntityManager, slug: string, output: string): Promise<void>;
  /** Every address of the site answers `page` with 503 until `resume`. */
  suspend(manager: EntityManager, slug: string, page: string): Promise<void>;
  resume(manager: EntityManager, slug: string): Promise<void>;
}

export function liveSites(config: AppConfig): LiveSites {
  return config.sites.store ? new SitePointers(config.sites.store) : new SiteFolders(config.sites.dir);
}

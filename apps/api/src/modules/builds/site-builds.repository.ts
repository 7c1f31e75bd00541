import { Injectable } from '@nestjs/common';
import { TenantScopedRepository } from '../../core/database/tenant-scoped.repository';
import { SiteBuild } from './site-build.entity';

@Injectable()
export class SiteBuildsRepository extends TenantScopedRepository<SiteBuild> {
  constructor() {
    super(SiteBuild);
  }
}

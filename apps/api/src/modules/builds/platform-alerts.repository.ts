import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import { PlatformAlert } from './platform-alert.entity';

/** Platform rows: reached only through a platform transaction (`Database.inPlatform`). */
@Injectable()
export class PlatformAlertsRepository {
  raise(
    manager: EntityManager,
    alert: Pick<PlatformAlert, 'aboutTenantId' | 'kind' | 'message' | 'details'>,
  ) {
    return manager.getRepository(PlatformAlert).save(manager.getRepository(PlatformAlert).create(alert));
  }

  listOpen(manager: EntityManager, limit: number, offset: number): Promise<PlatformAlert[]> {
    return manager.getRepository(PlatformAlert).find({
      where: { resolvedAt: IsNull() },
      order: { createdAt: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  async resolveForTenant(manager: EntityManager, tenantId: string, kind: string): Promise<void> {
    await manager
      .getRepository(PlatformAlert)
      .update({ aboutTenantId: tenantId, kind, resolvedAt: IsNull() }, { resolvedAt: new Date() });
  }
}

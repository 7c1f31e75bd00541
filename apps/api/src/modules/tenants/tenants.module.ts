import { Module } from '@nestjs/common';
import { SiteChangesModule } from '../site-changes/site-changes.module';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { AdminTenantsController } from './admin-tenants.controller';
import { TenantProfileController } from './tenant-profile.controller';
import { TenantsRepository } from './tenants.repository';
import { TenantsService } from './tenants.service';

@Module({
  imports: [UsersModule, AuditModule, SiteChangesModule],
  controllers: [AdminTenantsController, TenantProfileController],
  providers: [TenantsRepository, TenantsService],
})
export class TenantsModule {}

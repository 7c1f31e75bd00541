import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { runMigrations } from '../core/database/data-source';
import { Database } from '../core/database/database.service';
import { AuditLog } from '../modules/audit/audit-log.service';
import { AuditRepository } from '../modules/audit/audit.repository';
import { UserTokensRepository } from '../modules/auth/user-tokens.repository';
import { InvitationsService } from '../modules/users/invitations.service';
import { MembershipsRepository } from '../modules/users/memberships.repository';
import { UsersRepository } from '../modules/users/users.repository';
import { runCommand, withDataSource } from './local-runtime';

/**
 * Bootstraps a fresh production install: creates a platform admin and prints a one-time link to choose a
 * password. `pnpm --filter @laman/api run create-platform-admin -- --email you@kota.go.id --name "Nama"`
 */
const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });

runCommand(async (config) => {
  const { email, name } = values;
  if (!email || !name) throw new Error('Usage: create-platform-admin --email EMAIL --name "FULL NAME"');
  await runMigrations(config.database.ownerUrl);
  const result = await withDataSource(config, (dataSource) => {
    const users = new UsersRepository();
    const database = new Database(dataSource);
    const invitations = new InvitationsService(
      users,
      new MembershipsRepository(),
      new UserTokensRepository(),
      config,
      database,
      new AuditLog(new AuditRepository(), database),
    );
    return database.inPlatform(async (manager) => {
      if (await users.findByEmail(manager, email)) throw new Error(`An account for ${email} already exists.`);
      return invitations.offerPlatformRole(manager, { email, name, platformRole: 'platform_admin' }, null);
    });
  });
  console.log(`Platform admin ${result.user.email} created.`);
  console.log(
    `Open this one-time link before ${result.invitation.expiresAt.toISOString()} to choose a password:`,
  );
  console.log(`  ${result.invitation.url}`);
  console.log(
    `(or POST /api/v1/auth/invitations/accept with {"token": "${result.invitation.token}", "password": "..."})`,
  );
});

import { Client } from 'pg';

/** The role that owns the schema and runs migrations. */
export const OWNER_ROLE = 'laman_owner';
/** The role the API connects as: data privileges only, subject to row-level security. */
export const APP_ROLE = 'laman_app';

export interface ProvisionOptions {
  database: string;
  ownerPassword: string;
  appPassword: string;
}

export interface ProvisionedDatabase {
  ownerUrl: string;
  appUrl: string;
}

/**
 * Creates the two roles and the database on a server we hold the superuser of (the embedded one, or a
 * throwaway test server). Idempotent. In production the same is done by deploy/postgres/init-roles.sh.
 */
export async function provisionDatabase(
  superuserUrl: string,
  options: ProvisionOptions,
): Promise<ProvisionedDatabase> {
  await withClient(superuserUrl, async (client) => {
    // Roles are cluster-wide: parallel provisioners (test workers) must not race to create them.
    await client.query(`SELECT pg_advisory_lock(hashtext('laman.provision'))`);
    await ensureRole(client, OWNER_ROLE, options.ownerPassword);
    await ensureRole(client, APP_ROLE, options.appPassword);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)} OWNER ${OWNER_ROLE}`);
    }
  });
  await withClient(withDatabase(superuserUrl, options.database), async (client) => {
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
  });
  return {
    ownerUrl: roleUrl(superuserUrl, OWNER_ROLE, options.ownerPassword, options.database),
    appUrl: roleUrl(superuserUrl, APP_ROLE, options.appPassword, options.database),
  };
}

export async function dropDatabase(superuserUrl: string, database: string): Promise<void> {
  await withClient(superuserUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`),
  );
}

async function ensureRole(client: Client, role: string, password: string): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
  await client.query(
    `${verb} ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(password)}`,
  );
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function roleUrl(superuserUrl: string, role: string, password: string, database: string): string {
  const parsed = new URL(withDatabase(superuserUrl, database));
  parsed.username = role;
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

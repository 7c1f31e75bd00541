import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ConfigDefaults } from '../core/config/app-config';
import {
  attachToRunningEmbedded,
  type EmbeddedPostgresHandle,
  startEmbeddedPostgres,
} from '../core/database/embedded-postgres';
import { provisionDatabase } from '../core/database/provision';

/** The checkout's root, from apps/api/dist/bin (built) or apps/api/src/bin. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

interface LocalSecrets {
  superuserPassword: string;
  ownerPassword: string;
  appPassword: string;
  jwtSecret: string;
}

export interface LocalRuntime {
  defaults: ConfigDefaults;
  embedded: EmbeddedPostgresHandle | null;
  dataDir: string;
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env['LAMAN_DATA_DIR'] || path.join(REPO_ROOT, '.data'));
}

/**
 * Without DATABASE_URL, starts the embedded PostgreSQL whose data persists in the (git-ignored) data folder
 * (or uses it if another Laman command already started it),
 * creates its roles and database on first run, and hands back the URLs and a persisted JWT secret.
 */
export async function prepareLocalRuntime(env: NodeJS.ProcessEnv = process.env): Promise<LocalRuntime> {
  const folder = dataDir(env);
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  const secrets = loadOrCreateSecrets(folder);
  if (env['DATABASE_URL']) {
    return {
      defaults: {
        JWT_SECRET: secrets.jwtSecret,
        LAMAN_MEDIA_DIR: path.join(folder, 'media'),
        LAMAN_SITES_DIR: path.join(folder, 'sites'),
      },
      embedded: null,
      dataDir: folder,
    };
  }
  const port = Number(env['LAMAN_DB_PORT'] || 54329);
  const options = {
    dataDir: path.join(folder, 'postgres'),
    port,
    superuserPassword: secrets.superuserPassword,
  };
  const embedded = (await attachToRunningEmbedded(options)) ?? (await startEmbeddedPostgres(options));
  const urls = await provisionDatabase(embedded.superuserUrl(), {
    database: 'laman',
    ownerPassword: secrets.ownerPassword,
    appPassword: secrets.appPassword,
  });
  return {
    defaults: {
      DATABASE_URL: urls.appUrl,
      DATABASE_OWNER_URL: urls.ownerUrl,
      JWT_SECRET: secrets.jwtSecret,
      LAMAN_MEDIA_DIR: path.join(folder, 'media'),
      LAMAN_SITES_DIR: path.join(folder, 'sites'),
    },
    embedded,
    dataDir: folder,
  };
}

function loadOrCreateSecrets(folder: string): LocalSecrets {
  const file = path.join(folder, 'local-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secret = () => randomBytes(24).toString('base64url');
  const secrets: LocalSecrets = {
    superuserPassword: secret(),
    ownerPassword: secret(),
    appPassword: secret(),
    jwtSecret: randomBytes(48).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

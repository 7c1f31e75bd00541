import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type DataSource } from 'typeorm';
import { type AppConfig, type ConfigDefaults, loadConfig } from '../core/config/app-config';
import { createAppDataSource } from '../app-data-source';
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

/**
 * Runs a one-shot command (`pnpm migrate`, `pnpm rebuild-sites`…) with the app's configuration on the
 * configured or embedded database, stops what it started, and reports a failure plainly with exit code 1.
 */
export function runCommand(
  work: (config: AppConfig) => Promise<void>,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const run = async () => {
    const runtime = await prepareLocalRuntime(env);
    try {
      await work(loadConfig(env, runtime.defaults));
    } finally {
      await runtime.embedded?.stop();
    }
  };
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/** An application-role connection pool for the length of a command. */
export async function withDataSource<T>(
  config: AppConfig,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = await createAppDataSource({ url: config.database.url, poolSize: 2 }).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Where a bench's processes find their database. */
export interface BenchDatabaseUrls {
  appUrl: string;
  ownerUrl: string;
}

/** The secrets a production API refuses to start without; fixed, since a bench's data is thrown away. */
export const BENCH_SECRETS = {
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
  PERSONAL_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
};

/**
 * The environment of a production API process in a bench, as the container image runs it (its own periodic
 * work off unless `extra` turns it on). Checked against the configuration rules in the unit tests, so a bench
 * does not find a newly required setting an hour into a run.
 */
export function productionApiEnv(
  database: BenchDatabaseUrls,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: database.appUrl,
    DATABASE_OWNER_URL: database.ownerUrl,
    ...BENCH_SECRETS,
    LOG_LEVEL: 'warn',
    SCHEDULER_INTERVAL_SECONDS: '0',
    // As in the container image: fewer glibc malloc arenas keep libvips' memory from fragmenting.
    MALLOC_ARENA_MAX: '2',
    ...extra,
  };
}

/** The environment of a production site worker in a bench: no API secrets (it is given none in production). */
export function productionWorkerEnv(
  database: BenchDatabaseUrls,
  apiUrl: string,
  sitesDir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.appUrl,
    LAMAN_API_URL: apiUrl,
    LAMAN_SITES_DIR: sitesDir,
    ...extra,
  };
}

/** A worker's settings for building into object storage (`s3`: the S3 server's endpoint and credentials). */
export function sitesInObjectStorage(s3: Record<string, string>): Record<string, string> {
  return { ...s3, SITES_STORAGE: 's3', SITES_S3_BUCKET: 'laman-sites' };
}

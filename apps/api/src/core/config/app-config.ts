import { hkdfSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { parsePersonalDataKey } from '../crypto/personal-data-cipher';

const MB = 1024 * 1024;

/** Thrown at start-up when an environment variable is missing or malformed; names the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
/**
 * Which direct peers may speak for a client (X-Forwarded-For/-Proto): none (`false`), or a comma-separated list
 * of addresses, CIDR ranges and Express's names (`loopback`, `linklocal`, `uniquelocal`). `true` (any peer) is
 * refused: anyone who reaches the port could then pick the address the throttles and logs see.
 */
const PROXY_ENTRY = /^(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)$/i;
const trustedProxies = z.string().transform((value, ctx): false | string[] => {
  if (['false', '0', 'no'].includes(value)) return false;
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !PROXY_ENTRY.test(entry));
  if (!entries.length || bad.length) {
    ctx.addIssue({
      code: 'custom',
      message: `must be false or a list of proxy addresses/CIDRs (loopback, 10.0.0.5, 172.30.0.0/24); not ${bad.join(', ') || value}`,
    });
    return z.NEVER;
  }
  return entries;
});
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(3000),
    PUBLIC_API_URL: z.url().optional(),
    ADMIN_URL: z.url().default('http://localhost:4321'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: trustedProxies.default(false),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_OWNER_URL: postgresUrl.optional(),
    DATABASE_POOL_SIZE: positiveInt.default(10),
    MIGRATE_ON_START: bool.default(true),
    SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
    PPID_RETENTION_DAYS: z.coerce.number().int().min(30).max(36_500).default(730),
    /** Bearer token a Prometheus scrape of /metrics must carry; metrics are off while unset. */
    METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
    /** The site worker's metrics port (it has no other HTTP server); 0: none. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    WORDPRESS_FETCH_UPLOADS: bool.default(false),
    WORDPRESS_FETCH_ALLOW_PRIVATE: bool.default(false),
    WORDPRESS_FETCH_PER_SECOND: z.coerce.number().min(0.1).max(50).default(2),
    FORM_CHALLENGE_COST: z.coerce.number().int().min(1).max(100_000).default(1000),
    FORM_CHALLENGE_COUNTER_MAX: z.coerce.number().int().min(2).max(1_000_000).default(3000),
    FORM_MIN_FILL_SECONDS: z.coerce.number().int().min(0).max(600).default(3),
    LAMAN_MEDIA_DIR: z.string().min(1).optional(),
    LAMAN_SITES_DIR: z.string().min(1).optional(),
    LAMAN_SITES_DOMAIN: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/)
      .default('bandarlampungkota.go.id'),
    LAMAN_API_URL: z.url().optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Laman Kota Bandar Lampung <laman@bandarlampungkota.go.id>'),
    MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
    SITES_STORAGE: z.enum(['local', 's3']).default('local'),
    SITES_S3_BUCKET: z.string().min(3).default('laman-sites'),
    /** With SITES_STORAGE=s3: how many sites a worker keeps on its own disk (the rest come from the bucket). */
    SITES_LOCAL_CACHE_SITES: positiveInt.default(500),
    /** The sites bucket's own user (workers and the API write it; edges only read): else S3_ACCESS_KEY_ID. */
    SITES_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    SITES_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_BUCKET: z.string().min(3).default('laman-media'),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ENDPOINT: z.url().optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: bool.default(true),
    MEDIA_MAX_IMAGE_MB: positiveInt.default(20),
    MEDIA_MAX_DOCUMENT_MB: positiveInt.default(50),
    MEDIA_TENANT_QUOTA_MB: positiveInt.default(2048),
    MEDIA_MAX_MEGAPIXELS: positiveInt.default(50),
    MEDIA_PDF_PREVIEW_MAX_MB: z.coerce.number().int().min(0).default(10),
    PUBLIC_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(5000),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Seals requesters' personal data at rest (32 bytes, base64: `openssl rand -base64 32`). */
    PERSONAL_DATA_KEY: z
      .string()
      .refine(
        (text) => parsePersonalDataKey(text) !== null,
        'must be 32 bytes in base64 (openssl rand -base64 32)',
      )
      .optional(),
    JWT_ACCESS_TTL_SECONDS: positiveInt.default(900),
    REFRESH_TTL_DAYS: positiveInt.default(30),
    INVITATION_TTL_HOURS: positiveInt.default(72),
    LOGIN_MAX_FAILURES: positiveInt.default(5),
    LOGIN_LOCK_MINUTES: positiveInt.default(15),
    LOGIN_CLIENT_MAX_FAILURES: positiveInt.default(20),
    LOGIN_IP_LIMIT_PER_MINUTE: positiveInt.default(30),
  })
  .superRefine((env, ctx) => {
    if (env.MEDIA_STORAGE === 's3') {
      for (const name of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!env[name])
          ctx.addIssue({ code: 'custom', path: [name], message: 'is required when MEDIA_STORAGE=s3' });
      }
    }
    if (env.SITES_STORAGE === 's3') {
      for (const name of ['ACCESS_KEY_ID', 'SECRET_ACCESS_KEY'] as const) {
        if (!env[`SITES_S3_${name}`] && !env[`S3_${name}`])
          ctx.addIssue({
            code: 'custom',
            path: [`SITES_S3_${name}`],
            message: `(or S3_${name}) is required when SITES_STORAGE=s3`,
          });
      }
    }
    if (env.NODE_ENV !== 'production') return;
    if (!env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production' });
    }
    if (!env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
    }
    if (!env.PERSONAL_DATA_KEY) {
      ctx.addIssue({ code: 'custom', path: ['PERSONAL_DATA_KEY'], message: 'is required in production' });
    }
  });

type Env = z.output<typeof envSchema>;

/** Every variable the API's configuration schema reads (the configuration reference must name each). */
export const SCHEMA_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** MinIO and most self-hosted servers want path-style addresses (http://host/bucket/key). */
  forcePathStyle: boolean;
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  publicApiUrl: string;
  adminUrl: string;
  /** Where weekly digests are sent through (unset: digests are kept and shown in the app, not e-mailed). */
  mail: { smtpUrl: string | null; from: string };
  logLevel: Env['LOG_LEVEL'];
  /** Peers whose X-Forwarded-For/-Proto are believed (the admin app, a load balancer); false: none. */
  trustProxy: false | string[];
  /** Seconds between scheduled-publishing passes; 0 turns the scheduler off (tests drive it by hand). */
  schedulerIntervalSeconds: number;
  /**
   * Days a requester's personal data is kept once the request is closed (answered or forwarded, and any
   * objection answered); then it is erased and the register keeps the anonymised row (UU 27/2022).
   */
  ppidRetentionDays: number;
  /**
   * The WordPress import fetching an old site's files from its address (when no uploads archive is given):
   * off unless WORDPRESS_FETCH_UPLOADS; private, loopback and link-local addresses refused unless
   * WORDPRESS_FETCH_ALLOW_PRIVATE (checked on the address connected to, so a name that resolves there later is
   * refused too); at most WORDPRESS_FETCH_PER_SECOND requests a second.
   */
  wordpressFetch: { enabled: boolean; allowPrivate: boolean; perSecond: number };
  /** Prometheus metrics: the token a scrape carries (null: off) and the worker's own port (0: none). */
  metrics: { token: string | null; port: number };
  /**
   * The proof-of-work a citizen's browser does before a public form is taken (ALTCHA, self-hosted): PBKDF2
   * iterations per try (`cost`), the highest counter a challenge hides (about half as many tries on average),
   * and the least time between fetching the challenge and sending the form.
   */
  formChallenge: { cost: number; counterMax: number; minFillMs: number };
  /** Responses the public API keeps in memory (0: no cache). */
  publicCacheEntries: number;
  /**
   * Where built sites live (`<dir>/<slug>/live`), the API address the site builder reads from, and the city
   * domain OPD sites live under (`<slug>.<domain>`).
   */
  sites: {
    dir: string;
    apiUrl: string;
    domain: string;
    /**
     * Object storage for built sites (SITES_STORAGE=s3): workers upload builds and switch each OPD's live
     * pointer there, edges mirror it (apps/site/scripts/edge-sync.mjs); `dir` is then each host's own copy.
     * Null: the sites live in `dir`, shared by the workers, the API and nginx (`pnpm start`).
     */
    store: S3Settings | null;
    /** With `store`: the sites a worker keeps in `dir`, the most recently built (LocalSiteCache). */
    localCacheSites: number;
  };
  media: {
    /** Local storage's root, and the work folder for uploads with either driver. */
    dir: string;
    storage: 'local' | 's3';
    s3: S3Settings;
    maxImageBytes: number;
    maxDocumentBytes: number;
    tenantQuotaBytes: number;
    maxPixels: number;
    /** PDFs up to this size get a page-1 thumbnail (pdf.js reads the whole file). */
    pdfPreviewMaxBytes: number;
  };
  database: { url: string; ownerUrl: string; poolSize: number; migrateOnStart: boolean };
  /**
   * The key that seals personal data at rest (PERSONAL_DATA_KEY). Outside production, when none is set, one is
   * derived from JWT_SECRET, so `pnpm start` and the tests need nothing more; production requires its own.
   */
  personalDataKey: Buffer;
  auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlDays: number;
    invitationTtlHours: number;
    /** Failed sign-ins of one email from one client before that client waits. */
    loginMaxFailures: number;
    /** Failed sign-ins (any email) from one client before it waits. */
    loginClientMaxFailures: number;
    /** The longest wait a client can earn. */
    loginLockMinutes: number;
    loginIpLimitPerMinute: number;
  };
}

/** Values the launcher supplies when it runs the embedded database (URLs, generated secret). */
export interface ConfigDefaults {
  LAMAN_MEDIA_DIR?: string;
  LAMAN_SITES_DIR?: string;
  DATABASE_URL?: string;
  DATABASE_OWNER_URL?: string;
  JWT_SECRET?: string;
  ADMIN_URL?: string;
  TRUST_PROXY?: string;
}

export function loadConfig(
  source: NodeJS.ProcessEnv = process.env,
  defaults: ConfigDefaults = {},
): AppConfig {
  const parsed = envSchema.safeParse({ ...withoutBlanks(source), ...fillMissing(source, defaults) });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        const given = source[name];
        return `${name} ${issue.message}${given === undefined ? '' : ` (got "${given}")`}`;
      }),
    );
  }
  return toAppConfig(parsed.data);
}

/**
 * The site worker's configuration: it signs and checks no tokens and reads no personal data, so it is given
 * neither the API's JWT secret nor the personal data key (secrets only the services that use them receive).
 * Random ones of its own fill the slots: nothing it could sign or open would be accepted or readable anywhere.
 */
export function loadWorkerConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  return loadConfig({
    ...source,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PERSONAL_DATA_KEY: randomBytes(32).toString('base64'),
  });
}

/** The S3 endpoint and credentials media and built sites share (each with its own bucket). */
function s3Settings(env: Env): S3Settings {
  return {
    bucket: '',
    region: env.S3_REGION,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

function toAppConfig(env: Env): AppConfig {
  if (!env.DATABASE_URL) {
    throw new ConfigError(['DATABASE_URL is not set and no embedded database was started']);
  }
  if (!env.JWT_SECRET) {
    throw new ConfigError(['JWT_SECRET is not set']);
  }
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicApiUrl: env.PUBLIC_API_URL ?? `http://localhost:${env.PORT}`,
    adminUrl: env.ADMIN_URL,
    mail: { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM },
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    schedulerIntervalSeconds: env.SCHEDULER_INTERVAL_SECONDS,
    ppidRetentionDays: env.PPID_RETENTION_DAYS,
    metrics: { token: env.METRICS_TOKEN ?? null, port: env.METRICS_PORT },
    wordpressFetch: {
      enabled: env.WORDPRESS_FETCH_UPLOADS,
      allowPrivate: env.WORDPRESS_FETCH_ALLOW_PRIVATE,
      perSecond: env.WORDPRESS_FETCH_PER_SECOND,
    },
    formChallenge: {
      cost: env.FORM_CHALLENGE_COST,
      counterMax: env.FORM_CHALLENGE_COUNTER_MAX,
      minFillMs: env.FORM_MIN_FILL_SECONDS * 1000,
    },
    publicCacheEntries: env.PUBLIC_CACHE_ENTRIES,
    sites: {
      dir: env.LAMAN_SITES_DIR ?? path.resolve(__dirname, '../../../../../.data/sites'),
      apiUrl: env.LAMAN_API_URL ?? `http://127.0.0.1:${env.PORT}`,
      domain: env.LAMAN_SITES_DOMAIN,
      store:
        env.SITES_STORAGE === 's3'
          ? {
              ...s3Settings(env),
              bucket: env.SITES_S3_BUCKET,
              accessKeyId: env.SITES_S3_ACCESS_KEY_ID ?? env.S3_ACCESS_KEY_ID ?? '',
              secretAccessKey: env.SITES_S3_SECRET_ACCESS_KEY ?? env.S3_SECRET_ACCESS_KEY ?? '',
            }
          : null,
      localCacheSites: env.SITES_LOCAL_CACHE_SITES,
    },
    media: {
      dir: env.LAMAN_MEDIA_DIR ?? path.resolve(__dirname, '../../../../../.data/media'),
      storage: env.MEDIA_STORAGE,
      s3: { ...s3Settings(env), bucket: env.S3_BUCKET },
      maxImageBytes: env.MEDIA_MAX_IMAGE_MB * MB,
      maxDocumentBytes: env.MEDIA_MAX_DOCUMENT_MB * MB,
      tenantQuotaBytes: env.MEDIA_TENANT_QUOTA_MB * MB,
      maxPixels: env.MEDIA_MAX_MEGAPIXELS * 1_000_000,
      pdfPreviewMaxBytes: env.MEDIA_PDF_PREVIEW_MAX_MB * MB,
    },
    database: {
      url: env.DATABASE_URL,
      ownerUrl: env.DATABASE_OWNER_URL ?? env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      migrateOnStart: env.MIGRATE_ON_START,
    },
    personalDataKey: env.PERSONAL_DATA_KEY
      ? parsePersonalDataKey(env.PERSONAL_DATA_KEY)!
      : Buffer.from(
          hkdfSync('sha256', env.JWT_SECRET, Buffer.alloc(0), 'laman development personal data key', 32),
        ),
    auth: {
      jwtSecret: env.JWT_SECRET,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlDays: env.REFRESH_TTL_DAYS,
      invitationTtlHours: env.INVITATION_TTL_HOURS,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginClientMaxFailures: env.LOGIN_CLIENT_MAX_FAILURES,
      loginLockMinutes: env.LOGIN_LOCK_MINUTES,
      loginIpLimitPerMinute: env.LOGIN_IP_LIMIT_PER_MINUTE,
    },
  };
}

/** An empty variable (`PORT=`) means "use the default", as in most twelve-factor apps. */
function withoutBlanks(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => !!entry[1] && entry[1].trim() !== ''),
  );
}

function fillMissing(source: NodeJS.ProcessEnv, defaults: ConfigDefaults): Record<string, string> {
  return Object.fromEntries(
    Object.entries(defaults).filter(([key, value]) => value !== undefined && !source[key]?.trim()),
  );
}

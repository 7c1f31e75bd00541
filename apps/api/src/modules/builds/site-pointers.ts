import { type EntityManager } from 'typeorm';
import { type S3Settings } from '../../core/config/app-config';
import { isMissing, ObjectStore } from '../../core/storage/s3-client';
import { type LiveSites } from './live-sites';

/** An OPD's live pointer in the sites bucket (`_live/<slug>.json`; layout: apps/site/scripts/site-store.mjs). */
export interface SitePointer {
  /** The build citizens see, or (while suspended) the one reactivation brings back. */
  build: string | null;
  suspended: boolean;
  /** What every address answers while suspended (503). */
  suspendedPage: string | null;
  /** The host names the edges link to this site: its subdomain and custom domain. */
  hosts: string[];
  /** Slugs the OPD had before a rename: their folders on an edge become links to this one. */
  formerSlugs: string[];
  updatedAt: string;
}

/** What a worker's finished build makes the pointer say (the rest of the pointer stays). */
export interface Publication {
  build: string;
  hosts: string[];
  formerSlugs: string[];
}

const EMPTY: Omit<SitePointer, 'updatedAt'> = {
  build: null,
  suspended: false,
  suspendedPage: null,
  hosts: [],
  formerSlugs: [],
};

/**
 * Built sites in object storage: every change of an OPD's pointer — a worker's build, a rollback, suspension —
 * is read, changed and written whole while holding that OPD's pointer lock (a PostgreSQL advisory lock in the
 * caller's transaction), so two changes never overwrite each other; readers (the edges) see the old pointer or
 * the new one.
 */
export class SitePointers implements LiveSites {
  private readonly store: ObjectStore;

  constructor(private readonly settings: S3Settings) {
    this.store = new ObjectStore(settings);
  }

  async keptBuilds(_manager: EntityManager, slug: string): Promise<Set<string>> {
    const prefix = `${slug}/builds/`;
    const builds = new Set<string>();
    for await (const object of this.store.list(this.settings.bucket, prefix))
      builds.add(object.Key!.slice(prefix.length, -'.json'.length));
    return builds;
  }

  makeLive(manager: EntityManager, slug: string, output: string): Promise<void> {
    return this.change(manager, slug, (pointer) => ({ ...pointer, build: output }));
  }

  suspend(manager: EntityManager, slug: string, page: string): Promise<void> {
    return this.change(manager, slug, (pointer) => ({ ...pointer, suspended: true, suspendedPage: page }));
  }

  resume(manager: EntityManager, slug: string): Promise<void> {
    return this.change(manager, slug, (pointer) => ({ ...pointer, suspended: false, suspendedPage: null }));
  }

  /** A worker's build goes live (while suspended: becomes what reactivation brings back). */
  publish(manager: EntityManager, slug: string, publication: Publication): Promise<void> {
    return this.change(manager, slug, (pointer) => ({ ...pointer, ...publication }));
  }

  /**
   * The pointer, read again (up to three times) if it comes back unparsable: S3 replaces an object atomically,
   * but simpler S3-compatible servers (s3rver in the tests) can answer a read with a write half done.
   */
  async read(slug: string): Promise<SitePointer | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readOnce(slug);
      } catch (error) {
        if (!(error instanceof SyntaxError) || attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
  }

  private readOnce(slug: string): Promise<SitePointer | null> {
    return this.store
      .use((client, { GetObjectCommand }) =>
        client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: pointerKey(slug) })),
      )
      .then(async (answer) => JSON.parse(await answer.Body!.transformToString()) as SitePointer)
      .catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      });
  }

  private async change(
    manager: EntityManager,
    slug: string,
    edit: (pointer: Omit<SitePointer, 'updatedAt'>) => Omit<SitePointer, 'updatedAt'>,
  ): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`laman-site-pointer:${slug}`]);
    const { updatedAt: _previous, ...current } = (await this.read(slug)) ?? { ...EMPTY, updatedAt: '' };
    const next: SitePointer = { ...edit(current), updatedAt: new Date().toISOString() };
    await this.store.use((client, { PutObjectCommand }) =>
      client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: pointerKey(slug),
          Body: JSON.stringify(next),
          ContentType: 'application/json',
          CacheControl: 'no-store',
        }),
      ),
    );
  }
}

function pointerKey(slug: string): string {
  return `_live/${slug}.json`;
}

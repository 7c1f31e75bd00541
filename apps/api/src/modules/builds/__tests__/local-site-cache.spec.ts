import { existsSync } from 'node:fs';
import { lutimes, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalSiteCache } from '../local-site-cache';

describe("a worker's local site cache (object storage mode)", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'laman-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** A site folder whose build went live `minutesAgo`. */
  async function site(slug: string, minutesAgo: number): Promise<void> {
    await mkdir(path.join(dir, slug, 'builds', '1'), { recursive: true });
    await symlink(path.join('builds', '1'), path.join(dir, slug, 'live'));
    const at = new Date(Date.now() - minutesAgo * 60_000);
    await lutimes(path.join(dir, slug, 'live'), at, at);
  }
  const left = async () => (await readdir(dir)).sort();

  it('removes the sites built least recently beyond the limit, and nothing that is not a site', async () => {
    await site('dinkes', 30);
    await site('disdukcapil', 10);
    await site('dispora', 20);
    await site('portal', 60);
    await mkdir(path.join(dir, '_domains'));
    await mkdir(path.join(dir, '.builds'));
    const cache = new LocalSiteCache(dir, 2);
    expect(await cache.trim()).toBe(1);
    expect(await left()).toEqual(['.builds', '_domains', 'disdukcapil', 'dispora', 'portal']);
    expect(await cache.trim()).toBe(0);
  });

  it('never removes a site while it is being built, and a build waits for a removal under way', async () => {
    await site('dinkes', 30);
    await site('dispora', 20);
    const cache = new LocalSiteCache(dir, 1);
    let release!: () => void;
    const building = cache.around('dinkes', () => new Promise<void>((resolve) => (release = resolve)));
    // The oldest site is being built: the other one goes instead, and the limit is kept by it alone.
    expect(await cache.trim()).toBe(1);
    expect(await left()).toEqual(['dinkes']);
    release();
    await building;
    expect(await left()).toEqual(['dinkes']);

    // A build of the site being removed starts only once the removal is over.
    await site('dispora', 40);
    await site('disdukcapil', 50);
    const trimming = cache.trim();
    const order: string[] = [];
    const next = cache.around('disdukcapil', async () => {
      order.push(existsSync(path.join(dir, 'disdukcapil')) ? 'found' : 'gone');
    });
    await Promise.all([trimming, next]);
    expect(order).toEqual(['gone']);
  });
});

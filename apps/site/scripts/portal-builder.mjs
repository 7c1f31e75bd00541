// Builds the city portal (apps/site/portal: OPD directory, latest news, urgent announcements, service
// catalogue, city-wide search) from the public read API's city snapshot, and makes it live atomically, in the
// same layout as an OPD site: <out>/portal/builds/<id>, <out>/portal/live, _domains/<portal host>. The slug
// `portal` is reserved, so no OPD can take the folder or the host.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fetchCity } from './city-snapshot.mjs';
import { goLive, linkHosts, prune, removeStale, renderWithAstro, siteRoot } from './site-builder.mjs';
import { indexFolder } from './search-index.mjs';
import { uploadBuild } from './site-mirror.mjs';
import { openSiteStore } from './site-store.mjs';

export const PORTAL = 'portal';
const KEEP = 3;

/** The portal's host name: LAMAN_PORTAL_HOST, else `portal.<LAMAN_SITES_DOMAIN>`. */
export function portalHost() {
  return (
    process.env.LAMAN_PORTAL_HOST ||
    `${PORTAL}.${process.env.LAMAN_SITES_DOMAIN || 'bandarlampungkota.go.id'}`
  );
}

/**
 * @param {{ api: string, out: string, store?: object | null,
 *   mayGoLive?: (publication: object) => Promise<boolean> }} request `store`: object storage settings
 *   (site-store.mjs): the build is uploaded and `mayGoLive` switches the portal's pointer, as for an OPD site
 * @returns the build's summary (timings, counts); throws on failure, leaving the live portal as it was
 */
export async function buildPortal({ api, out, store = null, mayGoLive = async () => true }) {
  const started = performance.now();
  const portalDir = path.resolve(out, PORTAL);
  const buildId = `${Date.now()}`;
  const buildDir = path.join(portalDir, 'builds', buildId);
  const workDir = path.join(portalDir, 'work', buildId);
  await removeStale(path.join(portalDir, 'work'));
  try {
    let since = performance.now();
    await mkdir(workDir, { recursive: true });
    const cityFile = path.join(workDir, 'city.json');
    const { city, consistent } = await fetchCity(api);
    await writeFile(cityFile, JSON.stringify(city));
    const fetchMs = Math.round(performance.now() - since);

    since = performance.now();
    process.env.LAMAN_CITY_FILE = cityFile;
    await renderWithAstro(path.join(siteRoot, '.builds', `${PORTAL}-${buildId}`), buildDir, {
      srcDir: path.join(siteRoot, 'portal'),
      publicDir: path.join(siteRoot, 'portal', 'public'),
    });
    const buildMs = Math.round(performance.now() - since);

    since = performance.now();
    await indexFolder(buildDir);
    const searchIndexMs = Math.round(performance.now() - since);

    const siteStore = openSiteStore(store);
    let uploadedFiles = null;
    if (siteStore) {
      const pointer = await siteStore.pointer(PORTAL);
      const base = pointer?.build ? await siteStore.listing(PORTAL, pointer.build) : null;
      const sent = await uploadBuild(siteStore, { slug: PORTAL, tenantDir: portalDir, build: buildId, base });
      uploadedFiles = sent.uploaded;
    }
    if (!(await mayGoLive({ build: buildId, hosts: [portalHost()], formerSlugs: [] })))
      throw new Error('the portal build was not allowed to go live');
    await goLive(portalDir, buildId);
    await linkHosts(path.resolve(out), PORTAL, [portalHost()], []);
    await prune(portalDir, KEEP);
    return {
      portal: true,
      build: buildId,
      opd: city.tenants.length,
      news: city.news.length,
      services: city.services.length,
      consistent,
      fetchMs,
      buildMs,
      searchIndexMs,
      uploadedFiles,
      totalMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    await rm(buildDir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

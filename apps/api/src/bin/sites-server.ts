import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { type Server } from 'node:http';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { SUSPENDED_PAGE } from '../modules/builds/site-folders';
import { SITE_PAGES, sitePagesProxy, SURVEY_FOLDER } from './site-pages-proxy';

const SLUG = /^[a-z0-9][a-z0-9-]{0,46}[a-z0-9]$/;

/**
 * Serves every built OPD site on one port, as nginx does in production: by host name
 * (`http://<slug>.localhost:<port>/`, which browsers resolve to this machine) or, for tools that cannot set a
 * host, by path (`http://localhost:<port>/<slug>/`). Each request reads the tenant's `live` link afresh, so an
 * atomic swap shows at once.
 */
export function startSitesServer(
  sitesDir: string,
  port: number,
  host: string,
  /** The API, for the pages it renders behind each site's address (the PPID forms); none: those are 404. */
  apiUrl: string | null = null,
): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  const sitePages = apiUrl ? sitePagesProxy(apiUrl) : null;
  app.use((request: Request, response: Response, next: NextFunction) => {
    const hostSlug = /^([a-z0-9-]+)\.localhost$/.exec(request.hostname)?.[1];
    const pathSlug = /^\/([a-z0-9-]+)(\/|$)/.exec(request.path)?.[1];
    const slug = hostSlug ?? pathSlug;
    if (!hostSlug && request.path === '/') return void response.type('html').send(siteIndex(sitesDir));
    if (!slug || !SLUG.test(slug))
      return void response.status(404).type('text/plain').send('Situs tidak ditemukan');
    const movedTo = renamedTo(sitesDir, slug);
    if (movedTo) {
      const rest = hostSlug ? request.originalUrl : request.originalUrl.slice(slug.length + 1) || '/';
      const base = hostSlug ? `${request.protocol}://${movedTo}.localhost:${port}` : `/${movedTo}`;
      return void response.redirect(301, `${base}${rest}`);
    }
    const root = path.join(sitesDir, slug, 'live');
    if (!existsSync(root))
      return void response.status(404).type('text/plain').send(`Situs ${slug} belum dibangun`);
    // Suspended (the API pointed `live` at the suspension page): every address answers it with 503, as nginx.
    const suspended = path.join(root, SUSPENDED_PAGE);
    if (existsSync(suspended)) {
      response.status(503).set({ 'Retry-After': '3600', 'Cache-Control': 'no-store' });
      return void response.sendFile(suspended, { dotfiles: 'allow' });
    }
    if (!hostSlug) request.url = request.url.slice(slug.length + 1) || '/';
    if (request.path === SURVEY_FOLDER) return void response.redirect(301, 'survei/');
    if (sitePages && SITE_PAGES.test(request.path)) return sitePages(request, response, slug, request.url);
    // The site's own 404 page (it lives under the dot-folder `.data` in development, hence `dotfiles`).
    const notFound = () =>
      response
        .status(404)
        .sendFile(path.join(root, '404.html'), { dotfiles: 'allow' }, (error) => error && next());
    // No page here, or WordPress's front-page address of an item: an imported old address moves, as in nginx.
    const movedOrNotFound = () =>
      void importedAddress(apiUrl, slug, request.url).then((location) => {
        if (!location) return notFound();
        response.redirect(301, location.startsWith('/') && !hostSlug ? `/${slug}${location}` : location);
      }, next);
    if (WORDPRESS_ID.test(request.url)) return movedOrNotFound();
    express.static(root, { dotfiles: 'ignore', index: 'index.html', redirect: true, maxAge: 0 })(
      request,
      response,
      movedOrNotFound,
    );
  });
  // Nothing to show at all (not even the site's 404 page): a plain answer in Bahasa Indonesia.
  app.use((_request: Request, response: Response) => {
    if (!response.headersSent) response.status(404).type('text/plain').send('Halaman tidak ditemukan');
  });
  return new Promise((resolve) => {
    const server = app.listen(port, host, () => resolve(server));
  });
}

/** WordPress's own addresses of an item on its front page (`/?p=12`, `/index.php?page_id=3`), as nginx's map. */
const WORDPRESS_ID = /^\/(index\.php)?\?(.*&)?(p|page_id|attachment_id)=\d+(&|$)/i;

/** Where the API says an old address of an imported item now is (a path on the site, or a file), or null. */
async function importedAddress(apiUrl: string | null, slug: string, uri: string): Promise<string | null> {
  if (!apiUrl) return null;
  const asked = await fetch(`${apiUrl}/api/v1/public/site-address/imported?host=${slug}.localhost`, {
    headers: { 'X-Original-URI': uri },
    redirect: 'manual',
  }).catch(() => null);
  return asked?.status === 301 ? asked.headers.get('location') : null;
}

/** The builder leaves a renamed OPD's old folder as a link to its new one: the old address moves there, as in nginx. */
function renamedTo(sitesDir: string, slug: string): string | null {
  try {
    const target = readlinkSync(path.join(sitesDir, slug));
    return SLUG.test(target) ? target : null;
  } catch {
    return null;
  }
}

/** The bare address lists the sites built so far, so a first visit is not a dead end. */
function siteIndex(sitesDir: string): string {
  const slugs = existsSync(sitesDir)
    ? readdirSync(sitesDir).filter((slug) => SLUG.test(slug) && existsSync(path.join(sitesDir, slug, 'live')))
    : [];
  const links = slugs.map((slug) => `<li><a href="/${slug}/">${slug}</a></li>`).join('');
  return `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Situs OPD</title><h1>Situs OPD</h1>${links ? `<ul>${links}</ul>` : '<p>Belum ada situs yang dibangun.</p>'}</html>`;
}

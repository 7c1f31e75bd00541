import express, { type Request, type Response } from 'express';

/** The paths of an OPD site the API renders (deploy/nginx/nginx.conf.template hands the same ones over). */
export const SITE_PAGES = /^\/(ppid\/(permohonan|laporan)(\/[^/]*)?|survei\/[^/]*)$/;
/** The survey's results page is a folder: its links are relative to `/survei/`. */
export const SURVEY_FOLDER = '/survei';
const PASSED_BACK = ['content-type', 'content-disposition', 'cache-control', 'location', 'retry-after'];

/**
 * What nginx does for `/ppid/permohonan…`, `/ppid/laporan…` and `/survei/…` in production, for `pnpm start`'s sites server: the request goes to
 * the API's site pages with the site's host named (`X-Laman-Site-Host`) and the citizen's address forwarded
 * (the API trusts loopback there); the answer, a page or a 303, comes back as it is.
 */
export function sitePagesProxy(apiUrl: string) {
  const body = express.raw({ type: 'application/x-www-form-urlencoded', limit: '32kb' });
  return (request: Request, response: Response, slug: string, rest: string): void =>
    body(request, response, async () => {
      try {
        const answer = await fetch(`${apiUrl}/api/v1/site-pages${rest}`, {
          method: request.method,
          redirect: 'manual',
          headers: {
            'x-laman-site-host': `${slug}.localhost`,
            'x-forwarded-for': request.socket.remoteAddress ?? '',
            ...(request.headers['content-type'] ? { 'content-type': request.headers['content-type'] } : {}),
          },
          ...(Buffer.isBuffer(request.body) && request.body.length
            ? { body: new Uint8Array(request.body) }
            : {}),
        });
        for (const header of PASSED_BACK) {
          const value = answer.headers.get(header);
          if (value) response.setHeader(header, value);
        }
        response.status(answer.status).send(Buffer.from(await answer.arrayBuffer()));
      } catch {
        response
          .status(502)
          .type('text/plain')
          .send('Layanan permohonan sedang tidak tersedia; coba lagi nanti');
      }
    });
}

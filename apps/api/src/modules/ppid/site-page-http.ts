import { type Request, type Response } from 'express';
import { type SiteAnswer } from './ppid-pages.service';

/** The site's host, as the edge in front of the OPD sites passes it (deploy/nginx, bin/sites-server). */
export const siteHost = (request: Request) => String(request.headers['x-laman-site-host'] ?? '');
export const client = (request: Request) => request.ip ?? 'unknown';
export const PAGE = { 'text/html': { schema: { type: 'string' } } };
/** Every failure a citizen can cause is answered as a page that says what to do (the wrong site: 404). */
export const SITE_PAGE = { errorPages: true, errors: [404, 429] };

export function send(response: Response, answer: SiteAnswer): void {
  response.setHeader('Cache-Control', 'no-store');
  if ('redirect' in answer) return void response.redirect(303, answer.redirect);
  response.status(answer.status).type('text/html; charset=utf-8').send(answer.body);
}

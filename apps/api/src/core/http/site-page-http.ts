import { type Request, type Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { type SitePage } from './site-page';

/** What a site page's handler answers: a page, or where to go next (303, after a form was taken). */
export type SiteAnswer = SitePage | { redirect: string };

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

/** A form's text fields as sent: strings only, an empty field as not given. */
export function formValues(body: unknown, names: readonly string[]): Record<string, string> {
  const sent = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    names
      .map((name) => [name, sent[name]] as const)
      .filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
}

/** A checkbox group as sent: one value is a string, several an array; anything else is dropped. */
export function checked(body: unknown, name: string): string[] {
  const sent = ((body ?? {}) as Record<string, unknown>)[name];
  const values = Array.isArray(sent) ? sent : [sent];
  return values.filter((value): value is string => typeof value === 'string' && value !== '');
}

/** A rule's refusal, to answer as a page; anything else (a fault, or an OPD gone meanwhile) is thrown on. */
export function expectedFailure(error: unknown): DomainError {
  if (!(error instanceof DomainError) || error.code === 'TENANT_NOT_FOUND') throw error;
  return error;
}

/** A form's proof-of-work challenge as JSON (never stored), or the page saying there is no such site. */
export function sendChallenge(response: Response, answer: object | SitePage): void {
  if ('status' in answer && 'body' in answer) return send(response, answer);
  response.setHeader('Cache-Control', 'no-store');
  response.status(200).json(answer);
}

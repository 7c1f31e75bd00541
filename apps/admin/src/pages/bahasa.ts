import type { APIRoute } from 'astro';
import { LOCALE_COOKIE } from '../lib/i18n';
import { sameSitePath } from '../lib/safe-redirect';

/** Switches the admin's language (a preference cookie for a year) and goes back to the page. */
export const GET: APIRoute = ({ url, cookies, redirect }) => {
  const locale = url.searchParams.get('ke') === 'en' ? 'en' : 'id';
  cookies.set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: 365 * 86_400,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
  });
  // Only a path on this site: never an open redirect.
  return redirect(sameSitePath(url.searchParams.get('kembali'), url.origin));
};

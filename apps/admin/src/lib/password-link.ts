import type { AstroGlobal } from 'astro';
import { ApiError } from './api';

export interface PasswordLinkOutcome {
  /** Signed in: go to the start page. */
  done: boolean;
  /** The link was just opened: its token moves out of the address (this answer), then the page shows. */
  redirect?: Response;
  message: string;
  errors: Record<string, string>;
}

/** Where a link's token waits while its page is open: an HttpOnly cookie for that page alone. */
const LINK_COOKIE = 'laman_tautan';

/**
 * The page of a one-time link (invitation or password reset). Opening the link moves its token out of the
 * address into a short-lived HttpOnly cookie and answers with the clean address (`Referrer-Policy:
 * no-referrer`), so the token is never in the page's address, history or any Referer. On POST, checks that the
 * two passwords match and sends the password with the token; the API signs the person in.
 */
export async function handlePasswordLink(
  astro: AstroGlobal,
  purpose: 'invitation' | 'password_reset',
  missingToken: string,
): Promise<PasswordLinkOutcome> {
  const cookie = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: astro.url.protocol === 'https:',
    path: astro.url.pathname,
  };
  const opened = astro.url.searchParams.get('token');
  if (opened) {
    astro.cookies.set(LINK_COOKIE, opened, { ...cookie, maxAge: 3600 });
    const headers = { location: astro.url.pathname, 'referrer-policy': 'no-referrer' };
    return { done: false, redirect: new Response(null, { status: 303, headers }), message: '', errors: {} };
  }
  const token = astro.cookies.get(LINK_COOKIE)?.value ?? '';
  if (!token) return { done: false, message: missingToken, errors: {} };
  if (astro.request.method !== 'POST') return { done: false, message: '', errors: {} };
  const form = await astro.request.formData();
  const password = String(form.get('password') ?? '');
  if (password !== String(form.get('again') ?? ''))
    return { done: false, message: '', errors: { again: 'Kedua kata sandi tidak sama' } };
  try {
    await astro.locals.api.startSessionWithLink(purpose, token, password);
    astro.cookies.delete(LINK_COOKIE, { path: cookie.path });
    return { done: true, message: '', errors: {} };
  } catch (failure) {
    if (!(failure instanceof ApiError) || failure.status >= 500) throw failure;
    const errors = failure.byField('');
    return { done: false, message: errors['password'] ? '' : failure.message, errors };
  }
}

import type { AstroGlobal } from 'astro';
import { ApiError, startSessionWithLink } from './api';

export interface PasswordLinkOutcome {
  /** Signed in: go to the start page. */
  done: boolean;
  message: string;
  errors: Record<string, string>;
}

/**
 * The page of a one-time link (invitation or password reset): on POST, checks the two passwords match and
 * sends the new password with the link's token; the API signs the person in.
 */
export async function handlePasswordLink(
  astro: AstroGlobal,
  purpose: 'invitation' | 'password_reset',
  missingToken: string,
): Promise<PasswordLinkOutcome> {
  const token = astro.url.searchParams.get('token') ?? '';
  if (!token) return { done: false, message: missingToken, errors: {} };
  if (astro.request.method !== 'POST') return { done: false, message: '', errors: {} };
  const form = await astro.request.formData();
  const password = String(form.get('password') ?? '');
  if (password !== String(form.get('again') ?? ''))
    return { done: false, message: '', errors: { again: 'Kedua kata sandi tidak sama' } };
  try {
    await startSessionWithLink(astro.cookies, purpose, token, password, astro.url.protocol === 'https:');
    return { done: true, message: '', errors: {} };
  } catch (failure) {
    if (!(failure instanceof ApiError) || failure.status >= 500) throw failure;
    const errors = failure.byField('');
    return { done: false, message: errors['password'] ? '' : failure.message, errors };
  }
}

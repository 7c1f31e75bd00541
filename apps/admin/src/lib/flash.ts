import type { AstroCookies } from 'astro';

/**
 * A message carried across one redirect ("Data tersimpan.") in a short-lived HttpOnly cookie, never in the
 * address: what the official-looking alert box says is always chosen by this app, not by a link.
 */
const FLASH = 'laman_pesan';

export function setFlash(cookies: AstroCookies, message: string, secure: boolean): void {
  cookies.set(FLASH, message, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: 60 });
}

/** The message, once: reading it removes it. */
export function takeFlash(cookies: AstroCookies): string {
  const message = cookies.get(FLASH)?.value ?? '';
  if (message) cookies.delete(FLASH, { path: '/' });
  return message;
}

// The admin's response headers for every answer, pages and files alike. A page may set its own policy
// (Pratinjau sends the API's sandboxing policy), which then wins over these defaults.

/**
 * No inline or third-party script at all; inline styles stay allowed (Astro's scoped styles; CSS cannot run
 * code). Photos may come from the API's media address, whatever it is. Nothing may frame the admin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: http: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export function setSecurityHeaders(response, protocol) {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  // No page tells another site where it came from. Same-origin requests keep their Origin, which the CSRF
  // check needs (under no-referrer a browser sends "Origin: null" with a form post). The one-time-link pages
  // answer their tokened address with no-referrer and move the token out of it (lib/password-link.ts).
  response.setHeader('Referrer-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (protocol === 'https')
    response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}

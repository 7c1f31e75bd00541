/**
 * Where a "go back" parameter may lead: a path on this same site, parsed as a URL against our own origin (so
 * `/\evil.example`, `//evil.example`, `/%5Cevil.example` or `https:evil.example` cannot leave it). Anything
 * else goes to the start page.
 */
export function sameSitePath(wanted: string | null, origin: string): string {
  if (!wanted) return '/';
  let target: URL;
  try {
    target = new URL(wanted, origin);
  } catch {
    return '/';
  }
  if (target.origin !== new URL(origin).origin) return '/';
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A browser reading the Location header resolves it again: keep it unambiguous (one leading slash).
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : '/';
}

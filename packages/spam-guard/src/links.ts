import { domainToUnicode } from 'node:url';
import { type Finding, finding } from './findings.js';
import { scanText, type SpamGuard } from './guard.js';
import { readWords, skeleton } from './reading.js';

export interface LinkContext {
  /** The site's own public host: links to it are never suspicious, and imitations of it always are. */
  siteHost?: string;
  /** Other hosts of this platform (the API serving files, the portal). */
  trustedHosts?: readonly string[];
}

const GOVERNMENT_SUFFIX = '.go.id';

/** A link's host name, normalised the way browsers do (`http://3232235777/` is `192.168.1.1`), or null. */
export function linkHost(href: string): string | null {
  if (!/^https?:\/\//i.test(href.trim()) && !href.trim().startsWith('//')) return null;
  try {
    return new URL(href.trim(), 'https://relative.invalid').hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function isTrustedHost(host: string, context: LinkContext): boolean {
  return (
    host === context.siteHost ||
    host === 'go.id' ||
    host.endsWith(GOVERNMENT_SUFFIX) ||
    (context.trustedHosts ?? []).includes(host)
  );
}

const isIpLiteral = (host: string) => host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);

/** Host and name read alike (`bandarIampungkota.go.id`, Cyrillic `а`), or a trusted name used as a prefix. */
function imitates(host: string, context: LinkContext): string | null {
  const readAs = (name: string) => readWords(name.replace(/[.-]/g, ' . ')).join('');
  const unicode = domainToUnicode(host);
  if (unicode !== host && /^[\x20-\x7e]*$/.test(skeleton(unicode))) return skeleton(unicode);
  const originals = [context.siteHost, ...(context.trustedHosts ?? [])].filter((name): name is string =>
    Boolean(name),
  );
  for (const original of originals) {
    if (host !== original && readAs(host) === readAs(original)) return original;
    if (host.startsWith(`${original}.`)) return original;
  }
  if (host.includes('go.id') && !host.endsWith(GOVERNMENT_SUFFIX) && host !== 'go.id') return 'go.id';
  return null;
}

function isShortener(guard: SpamGuard, host: string): boolean {
  const bare = host.replace(/^www\./, '');
  return [...guard.shorteners].some((name) => bare === name || bare.endsWith(`.${name}`));
}

/** A host named after gambling: a stem as one of its words (`slot-88.xyz`, `totomacau.net`, `judi.online`). */
function gamblingHost(guard: SpamGuard, host: string): boolean {
  return readWords(host.replace(/[.\-_]/g, ' ')).some((word) => guard.stems.namesHost(word));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Reads a link as an attacker would use it: an IP address or a look-alike of a trusted name, a shortener that
 * hides the destination, a gambling host, or promotional slang in its path.
 */
export function scanUrl(guard: SpamGuard, href: string, context: LinkContext): Finding[] {
  const host = linkHost(href);
  if (!host) return [];
  // The platform's own hosts come first: in development and tests the API itself has an IP address.
  if (host === context.siteHost || (context.trustedHosts ?? []).includes(host)) return [];
  if (isIpLiteral(host))
    return [finding('ip-address', `tautan ke alamat IP (${host}), bukan nama domain`, href)];
  const original = imitates(host, context);
  if (original) return [finding('look-alike', `alamat ${host} meniru ${original}: periksa ejaannya`, href)];
  if (isTrustedHost(host, context)) return [];
  if (isShortener(guard, host))
    return [
      finding(
        'shortener',
        `tautan pemendek (${host}) menyembunyikan tujuannya; tulis alamat lengkapnya`,
        href,
      ),
    ];
  if (gamblingHost(guard, host)) return [finding('gambling-link', `tautan ke situs judi (${host})`, href)];
  const url = new URL(href.trim(), 'https://relative.invalid');
  const path = safeDecode(`${url.pathname} ${url.search}`).replace(/[/\-_=&?+.]/g, ' ');
  return scanText(guard, path).findings.map((found) => ({
    ...found,
    evidence: finding(found.kind, '', href).evidence,
  }));
}

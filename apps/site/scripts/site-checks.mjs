// Checks a freshly built site before it goes live. Broken internal links, pages without a title and
// images without alt text are recorded as warnings; online-gambling spam ("judi online", slot links, hidden
// links to unknown domains — how hundreds of go.id sites were defaced) holds the build.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'htmlparser2';

// Promotional slang of gambling sites: it does not appear in genuine news about fighting gambling.
const PROMO = [
  /gacor/i,
  /\bmaxwin\b/i,
  /scatter\s*hitam/i,
  /\brtp\s*(live|slot)\b/i,
  /\bsbobet\b/i,
  /mahjong\s*ways/i,
  /slot\s*(online|88|thailand|server|deposit|demo)/i,
  /deposit\s*(pulsa|dana)/i,
  /(bandar|agen)\s*(togel|bola|judi|slot)/i,
];
// Words of the topic itself, which an OPD may well write about (a raid, a blocking campaign).
const TOPIC = [/judi\s*(online|slot|bola)/i, /\bjudol\b/i, /situs\s*(slot|togel|judi)/i, /\btogel\b/i];

const HIDDEN_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|left\s*:\s*-\d{3,}|opacity\s*:\s*0(?![.\d])/i;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const SNIPPET = 80;

/** The hosts a hidden link may point to without being suspicious: the site itself and government domains. */
function trustedHost(host, siteHost) {
  return host === siteHost || host.endsWith('.go.id') || host === 'go.id';
}

function matches(patterns, text) {
  return patterns.flatMap((pattern) => {
    const match = pattern.exec(text);
    return match
      ? [
          text
            .slice(Math.max(0, match.index - 20), match.index + SNIPPET)
            .replace(/\s+/g, ' ')
            .trim(),
        ]
      : [];
  });
}

const gamblingMatch = (text) => matches(PROMO, text)[0] ?? matches(TOPIC, text)[0] ?? null;

function linkTarget(href) {
  if (!href.startsWith('/') || href.startsWith('//')) return null;
  return decodeURIComponent(href.split(/[?#]/)[0]);
}

function fileFor(root, target) {
  const file = path.join(root, target);
  if (!file.startsWith(root)) return null;
  return target.endsWith('/') ? path.join(file, 'index.html') : file;
}

/**
 * Reads one page: its title, images without alt, internal links, and anything that looks like spam.
 * News about fighting online gambling is legitimate, so the topic's words are only noted. Spam is: gambling
 * slang, or gambling words in a link to an unknown domain, a hidden link to an unknown domain, or gambling
 * words in hidden text.
 */
function inspectPage(html, siteHost) {
  const page = { title: '', missingAlt: [], links: [], spam: [], mentions: [] };
  const stack = [];
  let inTitle = false;
  let text = '';
  let hiddenText = '';
  let anchor = null;
  const hidden = () => stack.some((element) => element.hidden);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const isHidden =
          'hidden' in attributes ||
          HIDDEN_STYLE.test(attributes.style ?? '') ||
          attributes['aria-hidden'] === 'true';
        if (!VOID.has(name)) stack.push({ name, hidden: isHidden, href: attributes.href });
        if (name === 'title') inTitle = true;
        if (name === 'img' && !attributes.alt?.trim() && attributes.role !== 'presentation')
          page.missingAlt.push(attributes.src ?? '(tanpa src)');
        if (name === 'a' && attributes.href) {
          const target = linkTarget(attributes.href);
          if (target) page.links.push(target);
          anchor = { href: attributes.href, text: '' };
          const host = /^https?:\/\/([^/:?#]+)/i.exec(attributes.href)?.[1]?.toLowerCase();
          anchor.untrusted = Boolean(host && !trustedHost(host, siteHost));
          if (anchor.untrusted && (isHidden || hidden()))
            page.spam.push({ reason: 'tautan tersembunyi ke domain tak dikenal', evidence: attributes.href });
        }
      },
      ontext(chunk) {
        if (inTitle) page.title += chunk;
        // Elements end words: "Beranda</a><a>Berita" is two words, not one.
        text += ` ${chunk}`;
        if (anchor) anchor.text += chunk;
        if (hidden()) hiddenText += ` ${chunk}`;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'a' && anchor) {
          const evidence = gamblingMatch(`${anchor.text} ${anchor.href}`);
          if (evidence && anchor.untrusted)
            page.spam.push({ reason: 'tautan judi online', evidence: `${evidence} → ${anchor.href}` });
          anchor = null;
        }
        const index = stack.findLastIndex((element) => element.name === name);
        if (index >= 0) stack.length = index;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  const hiddenEvidence = gamblingMatch(hiddenText);
  if (hiddenEvidence) page.spam.push({ reason: 'teks judi online tersembunyi', evidence: hiddenEvidence });
  const slang = matches(PROMO, text);
  if (slang.length > 0)
    page.spam.push({ reason: 'istilah promosi judi online', evidence: slang.join(' | ') });
  page.mentions = matches(TOPIC, text).slice(0, 1);
  page.title = page.title.trim();
  return page;
}

export async function htmlFiles(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The site path of a built file: `berita/a/index.html` → `/berita/a/`. */
export function pagePath(root, file) {
  return '/' + path.relative(root, file).replace(/index\.html$/, '');
}

/** What one page holds for the checks; kept between builds so an unchanged page is not read again. */
export async function inspectFile(file, siteHost) {
  const { title, missingAlt, links, spam, mentions } = inspectPage(await readFile(file, 'utf8'), siteHost);
  return { titled: title.length > 0, missingAlt, links: [...new Set(links)], spam, mentions };
}

/**
 * Adds up per-page results into the build's checks. Internal links are checked against the finished site.
 * @param {string} root the built site
 * @param {Record<string, Awaited<ReturnType<typeof inspectFile>>>} pages results by site path
 */
export function summarize(root, pages) {
  const checks = { pages: 0, brokenLinks: [], untitled: [], missingAlt: [], spam: [], gamblingMentions: [] };
  const exists = new Map();
  for (const [page, result] of Object.entries(pages)) {
    checks.pages += 1;
    if (!result.titled) checks.untitled.push(page);
    for (const src of result.missingAlt) checks.missingAlt.push({ page, src });
    for (const finding of result.spam) checks.spam.push({ page, ...finding });
    for (const evidence of result.mentions) checks.gamblingMentions.push({ page, evidence });
    for (const target of result.links) {
      if (!exists.has(target)) {
        const candidate = fileFor(root, target);
        exists.set(target, candidate !== null && existsSync(candidate));
      }
      if (!exists.get(target)) checks.brokenLinks.push({ page, href: target });
    }
  }
  return checks;
}

/**
 * Checks every page of a built site.
 * @param {string} root the built site
 * @param {string} siteHost the site's public host name (links to it are never suspicious)
 */
export async function checkSite(root, siteHost) {
  const pages = {};
  for (const file of await htmlFiles(root)) pages[pagePath(root, file)] = await inspectFile(file, siteHost);
  return summarize(root, pages);
}

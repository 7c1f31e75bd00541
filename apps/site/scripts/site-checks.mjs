// Checks a freshly built site before it goes live. Broken internal links, pages without a title and
// images without alt text are recorded as warnings; online-gambling spam (read by @laman/spam-guard: slang
// however it is spelt, alt and title text, hidden text and links, shorteners, IP and look-alike addresses —
// how hundreds of go.id sites were defaced) holds the build. Publishing checks each change before this;
// this is the last line of defence, and the only one that sees the theme's output.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isEdgeRendered } from '@laman/shared';
import { compileLexicon, DEFAULT_LEXICON, scanHtml, withAdditions } from '@laman/spam-guard';
import { Parser } from 'htmlparser2';

function linkTarget(href) {
  if (!href.startsWith('/') || href.startsWith('//')) return null;
  return decodeURIComponent(href.split(/[?#]/)[0]);
}

function fileFor(root, target) {
  const file = path.join(root, target);
  if (!file.startsWith(root)) return null;
  return target.endsWith('/') ? path.join(file, 'index.html') : file;
}

/** The guard for a build: the shipped lexicon plus the platform's additions (`spam_terms`). */
export function buildGuard(additions = []) {
  return compileLexicon(withAdditions(DEFAULT_LEXICON, additions));
}

/** Reads one page's structure: its title, images without alt, internal links. */
function readStructure(html) {
  const page = { title: '', missingAlt: [], links: [] };
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') inTitle = true;
        // The theme marks its own decorative images (the city's emblem beside the city's name) with
        // data-decorative and alt="": an empty alt anywhere else is a description the editor left out.
        if (name === 'img' && !attributes.alt?.trim() && !('data-decorative' in attributes))
          page.missingAlt.push(attributes.src ?? '(tanpa src)');
        if (name === 'a' && attributes.href) {
          const target = linkTarget(attributes.href);
          if (target) page.links.push(target);
        }
      },
      ontext(chunk) {
        if (inTitle) page.title += chunk;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  page.title = page.title.trim();
  return page;
}

/**
 * Reads one page: its structure, and anything that looks like spam. News about fighting online gambling is
 * legitimate, so the topic's words are only noted (`mentions`).
 */
function inspectPage(html, context, guard) {
  const { findings, mentions } = scanHtml(guard, html, context);
  return {
    ...readStructure(html),
    spam: findings.map(({ reason, evidence }) => ({ reason, evidence })),
    mentions: mentions.length ? [mentions.join(', ')] : [],
  };
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

/**
 * What one page holds for the checks; kept between builds so an unchanged page is not read again.
 * @param {string} file
 * @param {{ siteHost: string, trustedHosts?: string[] }} context the site's host and the platform's
 * @param {ReturnType<typeof buildGuard>} guard
 */
export async function inspectFile(file, context, guard = buildGuard()) {
  const { title, missingAlt, links, spam, mentions } = inspectPage(
    await readFile(file, 'utf8'),
    context,
    guard,
  );
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
        exists.set(target, isEdgeRendered(target) || (candidate !== null && existsSync(candidate)));
      }
      if (!exists.get(target)) checks.brokenLinks.push({ page, href: target });
    }
  }
  return checks;
}

/**
 * Checks every page of a built site.
 * @param {string} root the built site
 * @param {{ siteHost: string, trustedHosts?: string[] }} context the site's public host name (links to it are
 *   never suspicious) and the platform's own hosts
 * @param {ReturnType<typeof buildGuard>} [guard]
 */
export async function checkSite(root, context, guard = buildGuard()) {
  const pages = {};
  for (const file of await htmlFiles(root))
    pages[pagePath(root, file)] = await inspectFile(file, context, guard);
  return summarize(root, pages);
}

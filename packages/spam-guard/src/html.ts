import { Parser } from 'htmlparser2';
import { type Finding, finding } from './findings.js';
import { scanText, speaksOfGambling, type SpamGuard } from './guard.js';
import { isTrustedHost, type LinkContext, linkHost, scanUrl } from './links.js';

const HIDDEN_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|left\s*:\s*-\d{3,}|opacity\s*:\s*0(?![.\d])/i;
/** Attributes people read: shown as tooltips, spoken by screen readers, shown when an image fails. */
const READ_ATTRIBUTES = ['alt', 'title', 'aria-label', 'placeholder'];
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

export interface HtmlScan {
  findings: Finding[];
  /** Topic words in visible text: noted for the build record, never held. */
  mentions: string[];
  /** Every image address, for callers that allow only their own. */
  images: string[];
}

function isHidden(attributes: Record<string, string>): boolean {
  return (
    'hidden' in attributes ||
    HIDDEN_STYLE.test(attributes.style ?? '') ||
    attributes['aria-hidden'] === 'true'
  );
}

/**
 * Reads an HTML fragment or page like a person and a crawler would: its text, the attributes people see or
 * hear (alt, title, aria-label), every link and image address, and what is hidden. Gambling words in hidden
 * text and hidden links to outside hosts are spam even where the same words in plain sight are news.
 */
export function scanHtml(guard: SpamGuard, html: string, context: LinkContext): HtmlScan {
  const findings: Finding[] = [];
  const images: string[] = [];
  const stack: boolean[] = [];
  let text = '';
  let hiddenText = '';
  const insideHidden = () => stack.includes(true);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const hidden = isHidden(attributes) || insideHidden();
        if (!VOID.has(name)) stack.push(isHidden(attributes));
        for (const attribute of READ_ATTRIBUTES) {
          const value = attributes[attribute];
          if (value) text += ` ${value} `;
        }
        if (name === 'meta' && attributes.content) text += ` ${attributes.content} `;
        for (const address of [attributes.href, attributes.src]) {
          if (!address) continue;
          findings.push(...scanUrl(guard, address, context));
          const host = linkHost(address);
          if (hidden && host && !isTrustedHost(host, context))
            findings.push(finding('hidden-link', 'tautan tersembunyi ke domain tak dikenal', address));
        }
        if (name === 'img' && attributes.src) images.push(attributes.src);
      },
      ontext(chunk) {
        // Elements end words: "Beranda</a><a>Berita" is two words, not one.
        text += ` ${chunk}`;
        if (insideHidden()) hiddenText += ` ${chunk}`;
      },
      onclosetag(name) {
        if (!VOID.has(name)) stack.pop();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (hiddenText.trim() && speaksOfGambling(guard, hiddenText))
    findings.push(finding('hidden-text', 'teks judi online tersembunyi', hiddenText));
  const scan = scanText(guard, text);
  return { findings: [...scan.findings, ...findings], mentions: scan.mentions, images };
}

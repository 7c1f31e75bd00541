import { getSchema, type JSONContent } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import Youtube from '@tiptap/extension-youtube';
import { generateHTML, generateJSON } from '@tiptap/html/server';
import { Node } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import sanitizeHtml from 'sanitize-html';

/**
 * Rich text is stored as a Tiptap (ProseMirror) JSON document, the format the admin app's editor produces.
 * It is checked against the schema when saved, rendered to HTML when published, and the HTML is passed
 * through sanitize-html with a strict allow-list: script, event handlers, javascript: URLs and iframes other
 * than YouTube/Vimeo never reach a public page, whatever the stored document says.
 */
const EXTENSIONS = [StarterKit, Image, Youtube.configure({ nocookie: true })];
const SCHEMA = getSchema(EXTENSIONS);

export type RichTextDocument = JSONContent & { type: 'doc' };

const VIDEO_HOSTS = ['www.youtube.com', 'www.youtube-nocookie.com', 'youtube.com', 'player.vimeo.com'];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    's',
    'u',
    'code',
    'pre',
    'blockquote',
    'hr',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'div',
    'iframe',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    iframe: ['src', 'width', 'height', 'allowfullscreen', 'title'],
    ol: ['start'],
    div: ['data-youtube-video'],
  },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https', 'http'], iframe: ['https'] },
  allowedIframeHostnames: VIDEO_HOSTS,
  allowProtocolRelative: false,
  // An embed whose address was not allowed is dropped whole, not left as an empty frame.
  exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs['src'],
  transformTags: {
    h1: 'h2',
    // Images load only from absolute http(s) URLs (the media library's, or a given address).
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src && /^https?:\/\//i.test(src) ? { src, ...rest } : rest };
    },
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};

/** Throws a readable message when the value is not a document of our schema. */
export function assertRichText(value: unknown): asserts value is RichTextDocument {
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'doc') {
    throw new Error('harus berupa dokumen teks kaya (type "doc")');
  }
  try {
    Node.fromJSON(SCHEMA, value).check();
  } catch (error) {
    throw new Error(`bukan dokumen teks kaya yang valid: ${(error as Error).message}`, { cause: error });
  }
}

export function richTextToHtml(document: RichTextDocument): string {
  return sanitizeHtml(generateHTML(document, EXTENSIONS), SANITIZE);
}

/** Sanitises HTML from any source with the same allow-list (defence in depth for stored HTML). */
export function sanitizeRichHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/**
 * A document from HTML written elsewhere (an imported site): cleaned by the same allow-list first, then read into
 * the editor's schema, which keeps only what the editor itself can hold.
 */
export function richTextFromHtml(html: string): RichTextDocument {
  const document = generateJSON(sanitizeRichHtml(html), EXTENSIONS) as RichTextDocument;
  assertRichText(document);
  return document;
}

/** Plain text of a document, for search and summaries. */
export function richTextToPlainText(document: RichTextDocument): string {
  return Node.fromJSON(SCHEMA, document)
    .textBetween(0, Node.fromJSON(SCHEMA, document).content.size, '\n', ' ')
    .trim();
}

export function emptyDocument(): RichTextDocument {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

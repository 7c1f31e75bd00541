import { Window } from 'happy-dom';

const ALLOWED_FRAME_HOSTS = new Set([
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'youtube.com',
  'player.vimeo.com',
]);

/**
 * Parses HTML as a browser would and lists everything in it that could run code or load from elsewhere:
 * script-like elements, event-handler attributes, dangerous URL schemes, inline styles, foreign iframes.
 */
export function activeContentIn(html: string): string[] {
  const window = new Window();
  const document = window.document;
  document.body.innerHTML = html;
  const problems: string[] = [];
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    if (['script', 'svg', 'math', 'object', 'embed', 'style', 'link', 'meta', 'form', 'base'].includes(tag))
      problems.push(`<${tag}>`);
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      const value = (attribute.value ?? '').trim().toLowerCase();
      if (name.startsWith('on')) problems.push(`${tag}[${name}]`);
      if (name === 'style') problems.push(`${tag}[style]`);
      if (
        ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) &&
        /^(javascript|vbscript|data):/.test(value.replace(/\s/g, ''))
      ) {
        problems.push(`${tag}[${name}=${value.slice(0, 20)}]`);
      }
      if (tag === 'img' && name === 'src' && !/^https?:\/\//.test(value))
        problems.push(`img[src=${value.slice(0, 20)}]`);
    }
    if (tag === 'iframe') {
      const source = element.getAttribute('src') ?? '';
      const host = /^https:\/\/([^/]+)/.exec(source)?.[1];
      if (!host || !ALLOWED_FRAME_HOSTS.has(host)) problems.push(`iframe[src=${source}]`);
    }
  }
  void window.happyDOM.close();
  return problems;
}

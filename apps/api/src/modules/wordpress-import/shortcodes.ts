/** One shortcode found in a post: its name, attributes and (for enclosing ones) what it wraps. */
export interface Shortcode {
  name: string;
  attributes: Record<string, string>;
  inner: string | null;
}

/** Shortcodes of WordPress itself and of the page builders and plugins OPD sites commonly ran. */
const KNOWN = new Set([
  'caption',
  'wp_caption',
  'gallery',
  'embed',
  'video',
  'audio',
  'playlist',
  'contact-form-7',
]);
const BUILDER_PREFIX = /^(vc|et_pb|fusion|su|tie|elementor|av|mk|cs|ux|kc|pdf|wpforms|display|wpdm)[_-]/;

const ATTRIBUTE = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"\]]+)/g;

function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) {
    const [, a, av, b, bv, c, cv] = match;
    attributes[(a ?? b ?? c)!.toLowerCase()] = av ?? bv ?? cv ?? '';
  }
  return attributes;
}

/**
 * Replaces every shortcode in `text` with what `render` makes of it, innermost content first. Brackets that
 * are not a shortcode ("[Foto: Humas]", "[Update]" without a closing tag) stay as they are: a name counts when
 * WordPress or a common plugin uses it, or when the text closes it (`[/name]`). `[[name]]` is WordPress's way
 * to write a shortcode literally, and stays as `[name]`.
 */
export function replaceShortcodes(text: string, render: (shortcode: Shortcode) => string): string {
  const pattern = /\[(\[?)([\w-]+)((?:\s[^\]]*?)?)(\/?)\](?:([\s\S]*?)\[\/\2\])?(\]?)/g;
  return text.replace(
    pattern,
    (whole, open: string, rawName: string, rawAttributes: string, selfClosing, inner, close: string) => {
      const name = rawName.toLowerCase();
      const closed = inner !== undefined;
      if (!closed && !KNOWN.has(name) && !BUILDER_PREFIX.test(name)) return whole;
      if (open && close) return whole.slice(1, -1);
      const shortcode: Shortcode = {
        name,
        attributes: attributesOf(rawAttributes),
        inner: closed && !selfClosing ? replaceShortcodes(inner as string, render) : null,
      };
      return open + render(shortcode) + close;
    },
  );
}

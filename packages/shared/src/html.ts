/** Markup that is already safe: built by `html`, never from raw input. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * A template for server-rendered pages: every interpolated value is escaped unless it is itself `html` (so
 * pages compose), arrays are joined, and null, undefined and false render as nothing.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, text, index) => out + render(values[index - 1]) + text));
}

/**
 * A whole page for a browser (often one without JavaScript), in Bahasa Indonesia unless `lang` says otherwise:
 * its own inline style and no outside file, kept out of search engines (these pages hold one person's business).
 */
export function htmlDocument(page: {
  title: string;
  style: string;
  body: SafeHtml;
  lang?: 'id' | 'en';
}): SafeHtml {
  return html`<!doctype html>
    <html lang="${page.lang ?? 'id'}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${page.title}</title>
        <style>
          ${new SafeHtml(page.style)}
        </style>
      </head>
      <body>
        ${page.body}
      </body>
    </html>`;
}

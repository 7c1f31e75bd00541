import { FORM_GUARD_FIELDS, html, htmlDocument, type SafeHtml } from '@laman/shared';

/**
 * The pages of an OPD site that cannot be static (the request form sent back with what to fix, the receipt,
 * the status): rendered by the API behind the site's own address, so the form works without JavaScript and
 * posts to the site itself. Plain and self-contained (no script, no outside file, readable at 320 px); every
 * link is relative, so they hold at any address the site is served from. No page shows personal data.
 */
export interface SitePage {
  status: number;
  body: string;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;line-height:1.6;color:#1a1a1a}
header{border-bottom:1px solid #ccc;margin-bottom:1rem}header a{color:inherit;font-weight:600;text-decoration:none}
label{display:block;font-weight:600;margin-top:1rem}input,textarea,select{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:4px}
textarea{min-height:6rem}.hint{color:#4a4a4a;font-size:.9rem;margin:0}.error{color:#b00020;font-weight:600;margin:.25rem 0 0}
.alert{border:2px solid #b00020;padding:.75rem;border-radius:4px}.ok{border:2px solid #1b5e20;padding:.75rem;border-radius:4px}
button{margin-top:1.5rem;font:inherit;font-weight:600;padding:.75rem 1.25rem;border:0;border-radius:4px;background:#0b4f8a;color:#fff}
fieldset{border:0;padding:0;margin:1rem 0 0}legend{font-weight:600}fieldset label{font-weight:400;display:flex;gap:.5rem;margin-top:.25rem}fieldset input{width:auto}
.code{font-size:1.5rem;font-weight:700;letter-spacing:.05em}dt{font-weight:600}dd{margin:0 0 .5rem}
.message{white-space:pre-line}.steps{padding-left:1.25rem}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;padding:.5rem 0}
tbody th{text-align:left;font-weight:400;padding:.25rem .5rem .25rem 0;border-bottom:1px solid #ddd}tbody td{text-align:right;font-weight:600;border-bottom:1px solid #ddd}`;

/** The part of the site a page belongs to, linked from its header. */
export interface SiteSection {
  label: string;
  /** From the site's root, e.g. `ppid/`. */
  path: string;
}

export const PPID_SECTION: SiteSection = { label: 'PPID', path: 'ppid/' };

/** `depth`: how many folders below the site's root the page is, for relative links home and to the PPID page. */
export function layout(
  opdName: string,
  title: string,
  depth: number,
  main: SafeHtml,
  status = 200,
  section: SiteSection = PPID_SECTION,
): SitePage {
  const root = '../'.repeat(depth);
  const body = htmlDocument({
    title: `${title} · ${opdName}`,
    style: STYLE,
    body: html`<header>
        <p>
          <a href="${root || './'}">${opdName}</a> · <a href="${root}${section.path}">${section.label}</a>
        </p>
      </header>
      <main>${main}</main>`,
  });
  return { status, body: body.value };
}

/** The honeypot: off screen, out of the tab order and hidden from screen readers, so only a bot fills it. */
export function honeypot(): SafeHtml {
  return html`<div class="hp" aria-hidden="true">
    <label for="f-${FORM_GUARD_FIELDS.honeypot}">Jangan diisi</label>
    <input
      id="f-${FORM_GUARD_FIELDS.honeypot}"
      name="${FORM_GUARD_FIELDS.honeypot}"
      tabindex="-1"
      autocomplete="off"
    />
  </div>`;
}

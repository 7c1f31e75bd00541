import { html, htmlDocument } from '@laman/shared';
import type { Locale, Translate } from './i18n';

/** What a refusal page says: its status, title and reason, already in the person's language. */
export interface Refusal {
  status: number;
  title: string;
  reason: string;
}

/** The admin's colours and type (layouts/Admin.astro), for a page drawn without the layout. */
const STYLE = `body{margin:0;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f24;background:#f6f8fa}
header{background:#0b5394;color:#fff;padding:.75rem 1rem;font-weight:700}
main{max-width:48rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
.alert{border-left:4px solid #a4161a;background:#fff5f5;padding:.75rem 1rem;margin:0 0 1rem}
a{color:#0b5394}a.button{display:inline-block;background:#0b5394;color:#fff;padding:.6rem 1rem;border-radius:6px;text-decoration:none;font-weight:600}
:focus-visible{outline:3px solid #f1c232;outline-offset:2px}`;

/**
 * A refused post's page, in the admin's look, without any of its scripts: the reason, and the way back to the
 * form it came from (the browser's Back button usually still holds what the person typed).
 */
export function refusalPage(refusal: Refusal, formPath: string, t: Translate, locale: Locale): Response {
  const page = htmlDocument({
    title: `${refusal.title} — Laman`,
    style: STYLE,
    lang: locale,
    body: html`<header>Laman</header>
      <main>
        <h1>${refusal.title}</h1>
        <p class="alert" role="alert">${refusal.reason}</p>
        <p><a class="button" href="${formPath}">${t('Kembali ke formulir')}</a></p>
        <p>${t('Tombol Kembali di peramban biasanya masih menyimpan isian Anda.')}</p>
      </main>`,
  });
  return new Response(page.toString(), {
    status: refusal.status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

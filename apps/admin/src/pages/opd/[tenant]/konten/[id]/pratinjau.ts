import type { APIRoute } from 'astro';
import { ApiError } from '../../../../../lib/api';
import { tenantPage } from '../../../../../lib/tenant-page';

const banner = (text: string) =>
  '<div role="note" style="position:sticky;top:0;z-index:99;background:#f1c232;color:#1b1f24;padding:.75rem 1rem;font:600 1rem/1.4 system-ui,sans-serif;text-align:center">' +
  `${text}</div>`;

/** What the banner says depends on what citizens see now: nothing yet, this very version, or an older one. */
function bannerText(item: { live: boolean; hasUnpublishedChanges: boolean }): string {
  if (!item.live) return 'Pratinjau: halaman ini belum tayang. Begini tampilannya bila diterbitkan sekarang.';
  if (!item.hasUnpublishedChanges) return 'Pratinjau: versi ini sudah tayang di situs.';
  return 'Pratinjau perubahan: situs masih menampilkan versi sebelumnya. Begini tampilannya bila perubahan ini diterbitkan.';
}

/** The item's page as the public site will show it, rendered by the API with the site's own theme. */
export const GET: APIRoute = async ({ params, locals }) => {
  const page = tenantPage(locals.me!, params.tenant);
  if (!page) return new Response('Tidak ditemukan', { status: 404 });
  try {
    // The API's policy comes along: the page runs no script and loads only media and video.
    const item = `/api/v1/tenants/${page.slug}/content/items/${params.id}`;
    const [{ html, policy }, state] = await Promise.all([
      locals.api.page(`${item}/preview`),
      locals.api.get<{ live: boolean; hasUnpublishedChanges: boolean }>(item),
    ]);
    return new Response(html.replace(/<body([^>]*)>/, `<body$1>${banner(bannerText(state))}`), {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': policy,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof ApiError && error.status < 500)
      return new Response(error.message, {
        status: error.status,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    throw error;
  }
};

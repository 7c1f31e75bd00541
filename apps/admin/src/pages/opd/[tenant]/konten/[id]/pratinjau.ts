import type { APIRoute } from 'astro';
import { ApiError } from '../../../../../lib/api';
import { tenantPage } from '../../../../../lib/tenant-page';

const BANNER =
  '<div role="note" style="position:sticky;top:0;z-index:99;background:#f1c232;color:#1b1f24;padding:.75rem 1rem;font:600 1rem/1.4 system-ui,sans-serif;text-align:center">' +
  'Pratinjau: halaman ini belum tayang. Begini tampilannya bila diterbitkan sekarang.</div>';

/** The item's page as the public site will show it, rendered by the API with the site's own theme. */
export const GET: APIRoute = async ({ params, locals }) => {
  const page = tenantPage(locals.me!, params.tenant);
  if (!page) return new Response('Tidak ditemukan', { status: 404 });
  try {
    // The API's policy comes along: the page runs no script and loads only media and video.
    const { html, policy } = await locals.api.page(
      `/api/v1/tenants/${page.slug}/content/items/${params.id}/preview`,
    );
    return new Response(html.replace(/<body([^>]*)>/, `<body$1>${BANNER}`), {
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

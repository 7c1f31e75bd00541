import type { APIRoute } from 'astro';
import { ApiError } from '../../../../../lib/api';
import { siteStatus } from '../../../../../lib/site-follow';
import { tenantPage } from '../../../../../lib/tenant-page';

/** How often the admin asks the API (on the same machine or network) while a person waits. */
const EVERY_MS = 50;
/** A build that takes longer than this is not followed live any more: the page then reloads itself. */
const GIVE_UP_MS = 5 * 60_000;

/**
 * Follows the site build after a publish as server-sent events: one `status` event when the page is live (or
 * the build failed or was held), so the item page says "Sudah tayang" as soon as the site serves it, without
 * reloading itself every few seconds.
 */
export const GET: APIRoute = async ({ params, locals, request }) => {
  const page = tenantPage(locals.me!, params.tenant);
  if (!page) return new Response('Tidak ditemukan', { status: 404 });
  let publishedAt: string | null;
  try {
    ({ publishedAt } = await locals.api.get<{ publishedAt: string | null }>(
      `/api/v1/tenants/${page.slug}/content/items/${params.id}`,
    ));
  } catch (error) {
    if (error instanceof ApiError && error.status < 500)
      return new Response(error.message, { status: error.status });
    throw error;
  }
  const encoder = new TextEncoder();
  const started = Date.now();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (status: string) =>
        controller.enqueue(encoder.encode(`event: status\ndata: ${status}\n\n`));
      try {
        let status = publishedAt ? await siteStatus(locals.api, page.slug, publishedAt) : 'waiting';
        while (
          status === 'waiting' &&
          publishedAt &&
          !request.signal.aborted &&
          Date.now() - started < GIVE_UP_MS
        ) {
          await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
          status = await siteStatus(locals.api, page.slug, publishedAt);
        }
        if (!request.signal.aborted) send(status === 'waiting' ? 'timeout' : status);
      } catch {
        if (!request.signal.aborted) send('error');
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
};

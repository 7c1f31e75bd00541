import type { APIContext, MiddlewareNext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { ApiClient, ApiError, type Me } from './lib/api';
import { bodyLimitFor, isRefusal, readFormOnce } from './lib/form-body';
import type { BodyLimit } from './lib/request-body/read-form';
import { LOCALE_COOKIE, localeFrom, translator } from './lib/i18n';
import { refusalPage } from './lib/refusal-page';

const PUBLIC_PATHS = new Set(['/masuk', '/terima-undangan', '/atur-ulang-sandi', '/bahasa']);

/** Every page but the sign-in page needs a session; the API decides what the person may see and do. */
export const onRequest = defineMiddleware(async (context, next) => {
  const secure = context.url.protocol === 'https:';
  // The edge (server/edge.mjs) resolved the client from trusted proxies only; Astro reports what it found.
  context.locals.api = new ApiClient(context.cookies, secure, {
    ip: context.clientAddress ?? null,
    userAgent: context.request.headers.get('user-agent'),
  });
  context.locals.me = null;
  context.locals.locale = localeFrom(context.cookies.get(LOCALE_COOKIE)?.value);
  context.locals.t = translator(context.locals.locale);
  const publicPath = PUBLIC_PATHS.has(context.url.pathname) || context.url.pathname.startsWith('/_');
  // Nobody's body is read before we know who sent it: without a session only the small public forms are.
  if (publicPath) return withForm(context, bodyLimitFor(context.routePattern, false), next);
  if (!context.locals.api.signedIn) return context.redirect('/masuk');
  try {
    context.locals.me = await context.locals.api.get<Me>('/api/v1/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return context.redirect('/masuk');
    throw error;
  }
  const moved = movedPath(context.locals.me, context.url.pathname);
  if (moved) return context.redirect(`${moved}${context.url.search}`, 301);
  const response = await withForm(context, bodyLimitFor(context.routePattern, true), next);
  // Pages show one person's data: never cache them in shared caches or the back-forward cache of others.
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
});

/**
 * The page, with the request's form read first (form-body.ts); files spooled for it are removed once the page
 * has answered (pages read their form, and send its files on, before they answer).
 */
async function withForm(context: APIContext, limit: BodyLimit, next: MiddlewareNext): Promise<Response> {
  const { t, locale } = context.locals;
  const read = await readFormOnce(context.request, limit, t);
  if (isRefusal(read)) return refusalPage(read, context.url.pathname, t, locale);
  try {
    return await next();
  } finally {
    await read?.discard();
  }
}

/** `/opd/<old slug>/…` of an OPD that was renamed: the same page under its new slug. */
function movedPath(me: Me, pathname: string): string | null {
  const [, section, slug, ...rest] = pathname.split('/');
  if (section !== 'opd' || !slug || me.memberships.some((membership) => membership.slug === slug))
    return null;
  const renamed = me.memberships.find((membership) => membership.formerSlugs.includes(slug));
  return renamed ? ['', 'opd', renamed.slug, ...rest].join('/') : null;
}

import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Server-rendered forms: every page works without JavaScript. Astro refuses cross-site form posts (the
// Origin check below) and the session lives in HttpOnly, SameSite=Strict cookies.
//
// The app runs behind server/edge.mjs, which replaces every X-Forwarded-* header with what it resolved from
// trusted proxies alone (ADMIN_TRUSTED_PROXIES). So any host and either protocol may be believed here: the
// headers Astro reads were written by the edge, never by the client.
export default defineConfig({
  output: 'server',
  // Every post body is read by the middleware first, within the bounds its route takes (src/lib/form-body.ts,
  // server/body-limits.mjs), files spooled to disk: the adapter's own cap (1 GB, held in memory) is off.
  adapter: node({ mode: 'standalone', bodySizeLimit: 0 }),
  security: { checkOrigin: true, allowedDomains: [{ protocol: 'http' }, { protocol: 'https' }] },
  // Every script is a file of its own (no inline script), so the policy can say script-src 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
});

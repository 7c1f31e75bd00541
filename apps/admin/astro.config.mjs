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
  adapter: node({ mode: 'standalone' }),
  security: { checkOrigin: true, allowedDomains: [{ protocol: 'http' }, { protocol: 'https' }] },
  // Every script is a file of its own (no inline script), so the policy can say script-src 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
});

import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Server-rendered forms: every page works without JavaScript. Astro refuses cross-site form posts (the
// Origin check below) and the session lives in HttpOnly, SameSite=Strict cookies.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  security: { checkOrigin: true },
});

# The site build worker: the API's code (queue, records) plus the Astro theme and its builder, in the
# repository's own layout (the worker runs apps/site/scripts/build-site.mjs). Build from the repository root:
#   docker build -f deploy/worker.Dockerfile -t laman-worker .
FROM node:24-bookworm-slim AS build
RUN npm install -g pnpm@12.4.2
WORKDIR /repo
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml turbo.json tsconfig.base.json ./
COPY packages/shared/package.json packages/shared/
COPY apps/api/package.json apps/api/
COPY apps/site/package.json apps/site/
RUN pnpm install --frozen-lockfile --filter @laman/api... --filter @laman/site...
COPY packages/shared packages/shared
COPY apps/api apps/api
COPY apps/site apps/site
RUN pnpm --filter @laman/shared run build && pnpm --filter @laman/api run build \
  && node apps/site/scripts/build-client.mjs

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production MALLOC_ARENA_MAX=2
WORKDIR /repo
COPY --from=build --chown=node:node /repo ./
RUN mkdir -p /srv/laman/sites && chown node:node /srv/laman/sites
USER node
CMD ["node", "--enable-source-maps", "apps/api/dist/bin/site-worker.js"]

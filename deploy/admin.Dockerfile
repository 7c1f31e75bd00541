# The editors' admin app (Astro on Node, server-rendered forms). It talks to the API over the internal
# network; browsers only ever see the admin. Build from the repository root:
#   docker build -f deploy/admin.Dockerfile -t laman-admin .
FROM node:24-bookworm-slim AS build
RUN npm install -g pnpm@12.4.2
WORKDIR /repo
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml turbo.json tsconfig.base.json ./
COPY packages/shared/package.json packages/shared/
COPY apps/admin/package.json apps/admin/
COPY apps/api/package.json apps/api/
COPY apps/site/package.json apps/site/
RUN pnpm install --frozen-lockfile --filter @laman/admin...
COPY packages/shared packages/shared
COPY apps/admin apps/admin
RUN pnpm --filter @laman/shared run build && pnpm --filter @laman/admin run build \
 && pnpm --filter @laman/admin deploy --prod --legacy /out

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4321
WORKDIR /app
COPY --from=build --chown=node:node /out ./
USER node
EXPOSE 4321
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/masuk').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server/edge.mjs"]

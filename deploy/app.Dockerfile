# The Dispatch server image: dispatch-app:<DISPATCH_VERSION> (docker-compose.yml builds and tags it).
#
# The server runs its TypeScript through tsx, a production dependency, exactly as on a developer's
# machine (`node --import tsx src/main.ts`). The workspace layout is kept (apps/server, packages/*,
# drizzle/) so the migration runner finds drizzle/ where it looks for it.
# Build context: the repository root; deploy/app.Dockerfile.dockerignore keeps node_modules, build
# output, .data, certs and secrets out of it.

ARG NODE_IMAGE=node:20.19.5-bookworm-slim

# --- build: a production-only install of the server and the workspace packages it uses ---------
FROM ${NODE_IMAGE} AS build
ENV CI=true
RUN npm install --global --no-fund --no-audit pnpm@10.34.9
WORKDIR /app
# Dependencies first (cached until the lockfile changes), then the sources.
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
RUN pnpm fetch --prod
COPY apps/server ./apps/server
COPY packages ./packages
COPY tooling ./tooling
COPY drizzle ./drizzle
RUN pnpm install --offline --frozen-lockfile --prod --filter '@dispatch/server...'
# Tests and the script client are not part of the server.
RUN rm -rf apps/server/test packages/*/test packages/client

# --- runtime --------------------------------------------------------------------------------------
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    TSX_TSCONFIG_PATH=/app/tooling/typescript/base.json
# The server runs as this user; the entrypoint starts as root only to copy the secrets for it.
RUN groupadd --system --gid 10001 dispatch \
 && useradd --system --uid 10001 --gid dispatch --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin dispatch
COPY --from=build /app /app
COPY deploy/app/entrypoint.sh /usr/local/bin/dispatch-entrypoint
RUN chmod 0755 /usr/local/bin/dispatch-entrypoint
WORKDIR /app/apps/server
EXPOSE 3000
ENTRYPOINT ["/usr/local/bin/dispatch-entrypoint"]
# A young generation of at most 8 MB per semi-space (V8's default is 16): under load the default
# grew the server to about 265 MB resident, 8 MB keeps it near 230 MB at the same throughput
# (docs/performance.md). apps/perf starts the server with the same flag.
CMD ["node", "--max-semi-space-size=8", "--import", "tsx", "src/main.ts"]

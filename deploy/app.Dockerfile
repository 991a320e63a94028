# The Dispatch server image: dispatch-app:<DISPATCH_VERSION> (docker-compose.yml builds and tags it).
#
# The server runs its TypeScript through tsx, a production dependency, exactly as on a developer's
# machine (`node --import tsx src/main.ts`). The workspace layout is kept (apps/server, packages/*,
# drizzle/) so the migration runner finds drizzle/ where it looks for it.
# Build context: the repository root; the root .dockerignore keeps node_modules, build output,
# .data, certs and secrets out of it.
#
# Base images are build arguments so that a machine without a registry can build from local ones
# (deploy/base/build.sh). Node 24 LTS: supported until 2028-04-30.

ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# --- build: a production-only install of the server and the workspace packages it uses ---------
FROM ${NODE_IMAGE} AS build
ENV CI=true
# Extra CAs for package downloads (a TLS-inspecting proxy): this stage only, see deploy/build-ca.
COPY deploy/build-ca/ /tmp/build-ca/
RUN cat /etc/ssl/certs/ca-certificates.crt /tmp/build-ca/*.pem > /tmp/build-ca.crt 2>/dev/null || true
ENV NODE_EXTRA_CA_CERTS=/tmp/build-ca.crt
RUN npm install --global --no-fund --no-audit pnpm@10.34.9
WORKDIR /app
# Dependencies first (cached until the lockfile or a patch changes), then the sources. pnpm fetch
# applies patchedDependencies, so patches/ comes with the lockfile.
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY patches ./patches
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

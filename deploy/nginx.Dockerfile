# The Dispatch edge image: dispatch-nginx:<DISPATCH_VERSION> (docker-compose.yml builds and tags it).
# Stage one builds the web app with pnpm; stage two is the official nginx image with the built app,
# our main configuration and the templates that its entrypoint renders at start-up.
# Build context: the repository root (deploy/nginx.Dockerfile.dockerignore trims it).

ARG NODE_IMAGE=node:20.19.5-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28.0-alpine

# --- build the web app ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS web
ENV CI=true
RUN npm install --global --no-fund --no-audit pnpm@10.34.9
WORKDIR /src
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile --filter '@dispatch/web...'
# Type-checks, bundles and enforces the size budget (apps/web/package.json "build").
RUN pnpm --filter @dispatch/web run build

# --- nginx ----------------------------------------------------------------------------------------
FROM ${NGINX_IMAGE}
# curl for the health check (the image usually ships it); no default site.
RUN (command -v curl >/dev/null || apk add --no-cache curl) \
 && rm -f /etc/nginx/conf.d/default.conf
COPY deploy/nginx/nginx.conf /etc/nginx/nginx.conf
COPY deploy/nginx/templates/ /etc/nginx/templates/
COPY --from=web /src/apps/web/dist/ /usr/share/nginx/dispatch/
ENV NGINX_ENVSUBST_FILTER=^DISPATCH_ \
    DISPATCH_WEB_ROOT=/usr/share/nginx/dispatch \
    DISPATCH_CERT_DIR=/etc/nginx/certs

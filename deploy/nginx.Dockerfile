# The Dispatch edge image: dispatch-nginx:<DISPATCH_VERSION> (docker-compose.yml builds and tags it).
# Stage one builds the web app with pnpm; stage two is nginx with the built app, our main
# configuration and the templates that our own entrypoint (deploy/nginx/entrypoint.sh) renders at
# start-up. It relies on no feature of the official image's entrypoint, only on `nginx`, `envsubst`
# and `curl` being installed, so a local base (deploy/base/nginx.Dockerfile) works the same.
# Build context: the repository root (the root .dockerignore trims it).

ARG NODE_IMAGE=node:24.22.3-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28.0-bookworm

# --- build the web app ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS web
ENV CI=true
# Extra CAs for package downloads (a TLS-inspecting proxy): this stage only, see deploy/build-ca.
COPY deploy/build-ca/ /tmp/build-ca/
RUN cat /etc/ssl/certs/ca-certificates.crt /tmp/build-ca/*.pem > /tmp/build-ca.crt 2>/dev/null || true
ENV NODE_EXTRA_CA_CERTS=/tmp/build-ca.crt
RUN npm install --global --no-fund --no-audit pnpm@10.34.9
WORKDIR /src
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY patches ./patches
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile --filter '@dispatch/web...'
# Type-checks, bundles and enforces the size budget (apps/web/package.json "build").
RUN pnpm --filter @dispatch/web run build

# --- nginx ----------------------------------------------------------------------------------------
FROM ${NGINX_IMAGE}
RUN command -v nginx envsubst curl >/dev/null \
 && rm -f /etc/nginx/conf.d/default.conf
COPY deploy/nginx/nginx.conf /etc/nginx/nginx.conf
COPY deploy/nginx/templates/ /etc/nginx/templates/
COPY deploy/nginx/entrypoint.sh /usr/local/bin/dispatch-nginx-entrypoint
COPY --from=web /src/apps/web/dist/ /usr/share/nginx/dispatch/
RUN chmod 0755 /usr/local/bin/dispatch-nginx-entrypoint
ENV DISPATCH_WEB_ROOT=/usr/share/nginx/dispatch \
    DISPATCH_CERT_DIR=/etc/nginx/certs
STOPSIGNAL SIGQUIT
ENTRYPOINT ["/usr/local/bin/dispatch-nginx-entrypoint"]
CMD ["nginx", "-g", "daemon off;"]

# nginx on Debian, standing in for the official nginx image where no registry is reachable: the
# nginx binary on PATH, a `nginx` user for the workers (the official image's), envsubst for
# deploy/nginx/entrypoint.sh, curl for the health check.
ARG DEBIAN_IMAGE
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx-light curl gettext-base ca-certificates \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* /etc/nginx/conf.d/* \
 && groupadd --system nginx && useradd --system --gid nginx --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin nginx \
 && mkdir -p /var/cache/nginx /var/log/nginx \
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
CMD ["nginx", "-g", "daemon off;"]

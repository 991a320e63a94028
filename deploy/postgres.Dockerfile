# The Dispatch database image: dispatch-postgres:<DISPATCH_VERSION> (docker-compose.yml builds it).
# PostgreSQL with our configuration, client-authentication rules, first-start script and backup
# scripts baked in, and our own entrypoint (deploy/postgres/entrypoint.sh), which initialises the
# cluster itself: it relies on nothing of the official image but the server binaries on PATH, the
# `postgres` user and PGDATA, so a local base (deploy/base/postgres.Dockerfile) works the same.
# Build context: the repository root (the root .dockerignore trims it).

ARG POSTGRES_IMAGE=postgres:17.6-bookworm
FROM ${POSTGRES_IMAGE}
COPY deploy/postgres/postgresql.conf deploy/postgres/pg_hba.conf /etc/postgresql/dispatch/
COPY deploy/postgres/init/ /usr/local/share/dispatch/init/
COPY deploy/postgres/entrypoint.sh /usr/local/bin/dispatch-postgres-entrypoint
COPY scripts/backup.sh /usr/local/bin/dispatch-backup
COPY scripts/restore.sh /usr/local/bin/dispatch-restore
RUN chmod 0755 /usr/local/bin/dispatch-postgres-entrypoint /usr/local/bin/dispatch-backup \
      /usr/local/bin/dispatch-restore \
 && chmod 0644 /etc/postgresql/dispatch/* \
 && command -v initdb pg_ctl postgres pg_isready setpriv >/dev/null
ENV PGDATA=/var/lib/postgresql/data
STOPSIGNAL SIGINT
ENTRYPOINT ["/usr/local/bin/dispatch-postgres-entrypoint"]
CMD ["postgres", "-c", "config_file=/etc/postgresql/dispatch/postgresql.conf"]

# PostgreSQL on Debian, standing in for the official postgres image where no registry is
# reachable: the server binaries on PATH, the `postgres` user, PGDATA where the official image
# keeps it. Debian bookworm's PostgreSQL is 15; production uses the official 17 (the entrypoint,
# deploy/postgres/entrypoint.sh, works with either).
ARG DEBIAN_IMAGE
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-15 ca-certificates \
 && rm -rf /var/lib/apt/lists/* /var/lib/postgresql/15 /etc/postgresql/15/main \
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
 && chown postgres:postgres /var/lib/postgresql/data /var/run/postgresql
ENV PATH=/usr/lib/postgresql/15/bin:$PATH \
    PGDATA=/var/lib/postgresql/data
CMD ["postgres"]

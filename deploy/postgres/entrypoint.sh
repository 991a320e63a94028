#!/usr/bin/env bash
# Entrypoint of the dispatch-postgres image.
#
# As root: Docker Compose bind-mounts file secrets and certificates with the host file's owner and
# mode (0600, the operator's user) and ignores `uid`/`gid`/`mode` for file secrets. PostgreSQL
# refuses a server key that it does not own (or that others may read), and the first-start script
# runs as `postgres` and must read the password files. So this copies what the postgres user needs
# into a private tmpfs (/run/dispatch, 0700, owned by postgres), points the *_FILE variables at the
# copies, and runs itself again as `postgres`.
#
# As postgres: on the first start (an empty PGDATA) it creates the cluster (initdb with the
# superuser password from POSTGRES_PASSWORD_FILE and POSTGRES_INITDB_ARGS), starts it on its Unix
# socket only, runs /usr/local/share/dispatch/init/*.sh (our roles and databases), stops it, and
# then runs the command, the server.
set -Eeuo pipefail

private=/run/dispatch
if [[ "$(id -u)" == 0 ]]; then
  install -d -o postgres -g postgres -m 0700 "$private"
  install -o postgres -g postgres -m 0600 /certs/postgres.key "$private/postgres.key"
  for var in POSTGRES_PASSWORD_FILE DISPATCH_DB_PASSWORD_FILE KEYCLOAK_DB_PASSWORD_FILE; do
    source_file="${!var:-}"
    [[ -n "$source_file" ]] || continue
    copy="$private/$(basename "$source_file")"
    install -o postgres -g postgres -m 0400 "$source_file" "$copy"
    export "$var=$copy"
  done
  install -d -o postgres -g postgres -m 0700 "$PGDATA"
  install -d -o postgres -g postgres -m 0775 /var/run/postgresql
  # scripts/backup.sh writes here and scripts/restore.sh reads from here, both as postgres (the
  # host folder BACKUP_HOST_DIR; dumps copied in from elsewhere become readable too).
  if [[ -d /var/backups/dispatch ]]; then
    chown -R postgres:postgres /var/backups/dispatch
    chmod 0700 /var/backups/dispatch
  fi
  exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$0" "$@"
fi

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  password_file="${POSTGRES_PASSWORD_FILE:?POSTGRES_PASSWORD_FILE must name the superuser password}"
  echo "dispatch-postgres: first start, creating the cluster in $PGDATA"
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of options
  initdb --username=postgres --pwfile="$password_file" ${POSTGRES_INITDB_ARGS:-}
  pg_ctl -D "$PGDATA" -w -t 60 start \
    -o "-c listen_addresses='' -c unix_socket_directories=/var/run/postgresql"
  for script in /usr/local/share/dispatch/init/*.sh; do
    echo "dispatch-postgres: running $script"
    PGHOST=/var/run/postgresql POSTGRES_USER=postgres POSTGRES_DB=postgres bash "$script"
  done
  pg_ctl -D "$PGDATA" -m fast -w -t 60 stop
  echo "dispatch-postgres: cluster ready"
fi

# The health check (docker-compose.yml) waits for this: from here on, a server on the socket is
# the real one, not the first start's temporary one.
touch "$private/initialised"
exec "$@"

#!/usr/bin/env bash
# Runs before the official postgres image's entrypoint (docker-compose.yml `entrypoint:`).
#
# The key-permission problem: Docker Compose bind-mounts file secrets and certificates with the
# host file's owner and mode (0600, the operator's user); Compose ignores `uid`/`gid`/`mode` for
# file secrets. PostgreSQL refuses a server key that it does not own (or that group/others may
# read), and the first-start script runs as `postgres` and could not read the password files. So,
# still as root, this copies what the postgres user needs into a private tmpfs (/run/dispatch, mode
# 0700, owned by postgres), points the *_FILE variables at the copies, then hands over to the
# official entrypoint, which initialises the cluster on the first start and drops to `postgres`.
set -Eeuo pipefail

private=/run/dispatch
if [[ "$(id -u)" == 0 ]]; then
  install -d -o postgres -g postgres -m 0700 "$private"
  install -o postgres -g postgres -m 0600 /certs/postgres.key "$private/postgres.key"
  for var in DISPATCH_DB_PASSWORD_FILE KEYCLOAK_DB_PASSWORD_FILE; do
    source_file="${!var:-}"
    [[ -n "$source_file" ]] || continue
    copy="$private/$(basename "$source_file")"
    install -o postgres -g postgres -m 0400 "$source_file" "$copy"
    export "$var=$copy"
  done
  # scripts/backup.sh writes here and scripts/restore.sh reads from here, both as postgres (the
  # host folder BACKUP_HOST_DIR; dumps copied in from elsewhere become readable too).
  if [[ -d /var/backups/dispatch ]]; then
    chown -R postgres:postgres /var/backups/dispatch
    chmod 0700 /var/backups/dispatch
  fi
fi

exec docker-entrypoint.sh "$@"

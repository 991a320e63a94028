#!/usr/bin/env bash
# Dispatch's secrets, one file each, for Docker Compose's file secrets.
#
#   secrets/generate.sh [OUT_DIR]        (default: the folder this script is in)
#   DB_PORT=<port> secrets/generate.sh   when PostgreSQL listens on a port other than 5432 (.env)
#
# Each file holds one strong random value (32 random bytes, URL-safe base64, no newline), mode
# 0600. A file that exists is never overwritten: the values live on in PostgreSQL's and Keycloak's
# data after the first start, so regenerating one would lock a service out. To rotate a secret,
# follow deploy/README.md ("Rotating a secret").
#
#   postgres_password        PostgreSQL superuser (postgres)
#   dispatch_db_password     PostgreSQL role `dispatch` (the app)
#   keycloak_db_password     PostgreSQL role `keycloak`
#   oidc_client_secret       Keycloak client dispatch-web (the app's OIDC_CLIENT_SECRET)
#   scripts_client_secret    Keycloak client dispatch-scripts (scripts' DISPATCH_CLIENT_SECRET)
#   keycloak_admin_password  Keycloak's bootstrap admin `admin` (master realm)
#   database_url             postgres://dispatch:<dispatch_db_password>@postgres:<DB_PORT>/dispatch
#                            (TLS comes from DATABASE_SSL_MODE=verify-full, not from the URL)
set -euo pipefail

NAMES=(
  postgres_password
  dispatch_db_password
  keycloak_db_password
  oidc_client_secret
  scripts_client_secret
  keycloak_admin_password
)

out="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}"
command -v openssl >/dev/null || {
  echo "secrets/generate.sh: openssl is required" >&2
  exit 1
}
umask 077
mkdir -p "$out"

random_value() {
  # URL-safe characters only ([A-Za-z0-9_-]): safe in a URL, a .pgpass line and a shell word.
  openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n'
}

# Writes a new file without ever replacing one (noclobber fails if it appeared meanwhile).
write_new() {
  local file="$1" value="$2"
  (
    set -o noclobber
    printf '%s' "$value" >"$file"
  )
  chmod 0600 "$file"
  printf 'created %s\n' "$file"
}

for name in "${NAMES[@]}"; do
  file="$out/$name"
  if [[ -e "$file" ]]; then
    chmod 0600 "$file"
    printf 'kept    %s\n' "$file"
    continue
  fi
  value="$(random_value)"
  if [[ ${#value} -lt 40 ]]; then
    echo "secrets/generate.sh: openssl gave a short value for $name" >&2
    exit 1
  fi
  write_new "$file" "$value"
done

dispatch_password="$(<"$out/dispatch_db_password")"
url="postgres://dispatch:${dispatch_password}@postgres:${DB_PORT:-5432}/dispatch"
if [[ -e "$out/database_url" ]]; then
  chmod 0600 "$out/database_url"
  printf 'kept    %s\n' "$out/database_url"
  if [[ "$(<"$out/database_url")" != "$url" ]]; then
    echo "secrets/generate.sh: warning: database_url does not use the password in dispatch_db_password" >&2
  fi
else
  write_new "$out/database_url" "$url"
fi

#!/bin/bash
# Entrypoint of the dispatch-keycloak image (deploy/keycloak.Dockerfile). Runs as root, then
# starts Keycloak as its own user (uid 1000, gid 0, as in the upstream image).
#
# 1. The TLS key: Compose bind-mounts it with the host file's owner and mode (0600, the operator's
#    user) and ignores uid/gid/mode for file secrets, so Keycloak's user could not read it. It is
#    copied into a private tmpfs (/run/dispatch) owned by that user.
# 2. Secrets: Keycloak reads its settings and the realm's ${...} placeholders from environment
#    variables, not files. Each *_FILE below names a Docker secret; its content is exported under
#    the name Keycloak expects and the *_FILE variable is removed. (Keycloak has no KC_DB_PASSWORD_FILE.)
#      KEYCLOAK_DB_PASSWORD_FILE           -> KC_DB_PASSWORD
#      KEYCLOAK_ADMIN_PASSWORD_FILE        -> KC_BOOTSTRAP_ADMIN_PASSWORD (first start only)
#      DISPATCH_WEB_CLIENT_SECRET_FILE     -> DISPATCH_WEB_CLIENT_SECRET     (realm placeholder)
#      DISPATCH_SCRIPTS_CLIENT_SECRET_FILE -> DISPATCH_SCRIPTS_CLIENT_SECRET (realm placeholder)
# 3. The realm export is written for https://localhost (apps/server/test/keycloak-realm.test.ts
#    checks it against the server). It is copied to Keycloak's import folder with that URL replaced
#    by DISPATCH_PUBLIC_URL. Keycloak imports it on the first start only; later starts keep the
#    realm as it is in the database.
set -Eeuo pipefail

KC_USER=1000:0
private=/run/dispatch
import_dir=/opt/keycloak/data/import

die() {
  echo "dispatch-keycloak: $*" >&2
  exit 1
}

export_secret() {
  local file_var="$1" target="$2" file
  file="${!file_var:-}"
  [[ -n "$file" ]] || die "$file_var is not set"
  [[ -r "$file" && -s "$file" ]] || die "$file_var names no readable, non-empty file: $file"
  export "$target=$(<"$file")"
  unset "$file_var"
}

public_url="${DISPATCH_PUBLIC_URL:-}"
public_url="${public_url%/}"
[[ "$public_url" == https://* ]] || die "DISPATCH_PUBLIC_URL must be an https:// URL (got '$public_url')"

export_secret KEYCLOAK_DB_PASSWORD_FILE KC_DB_PASSWORD
export_secret KEYCLOAK_ADMIN_PASSWORD_FILE KC_BOOTSTRAP_ADMIN_PASSWORD
export_secret DISPATCH_WEB_CLIENT_SECRET_FILE DISPATCH_WEB_CLIENT_SECRET
export_secret DISPATCH_SCRIPTS_CLIENT_SECRET_FILE DISPATCH_SCRIPTS_CLIENT_SECRET

realm="$(</opt/dispatch/dispatch-realm.json)"
from='https://localhost'
realm="${realm//"$from"/"$public_url"}"
mkdir -p "$import_dir"
printf '%s\n' "$realm" >"$import_dir/dispatch-realm.json"

if [[ "$(id -u)" == 0 ]]; then
  mkdir -p "$private"
  chown "$KC_USER" "$private"
  chmod 0700 "$private"
  key="${KC_HTTPS_CERTIFICATE_KEY_FILE:-}"
  if [[ -n "$key" ]]; then
    [[ -f "$key" ]] || die "KC_HTTPS_CERTIFICATE_KEY_FILE names no file: $key"
    install -o "${KC_USER%:*}" -g "${KC_USER#*:}" -m 0400 "$key" "$private/tls.key"
    export KC_HTTPS_CERTIFICATE_KEY_FILE="$private/tls.key"
  fi
  chown -R "$KC_USER" "$import_dir"
  exec gosu "$KC_USER" /opt/keycloak/bin/kc.sh "$@"
fi

exec /opt/keycloak/bin/kc.sh "$@"

#!/bin/bash
# Creates a person in the dispatch realm with one of the four realm roles, from inside the Keycloak
# container, with the bootstrap admin's credentials (the admin console is not exposed):
#
#   docker compose exec keycloak /opt/dispatch/create-user.sh USERNAME ROLE [EMAIL]
#
# ROLE is viewer, driver, dispatcher or admin. Prints a random initial password that must be
# changed at the first sign-in. No credential goes on a command line: kcadm reads them from
# KC_CLI_PASSWORD.
set -Eeuo pipefail

die() {
  echo "create-user: $*" >&2
  exit 1
}

[[ $# -ge 2 && $# -le 3 ]] || die "usage: create-user.sh USERNAME ROLE [EMAIL]"
username="$1"
role="$2"
email="${3:-}"
case "$role" in
  viewer | driver | dispatcher | admin) ;;
  *) die "ROLE must be viewer, driver, dispatcher or admin" ;;
esac
[[ "$username" =~ ^[a-z0-9][a-z0-9._@-]{1,63}$ ]] || die "USERNAME: lower-case letters, digits, . _ @ -"

admin_password_file="${KEYCLOAK_ADMIN_PASSWORD_FILE:-/run/secrets/keycloak_admin_password}"
[[ -r "$admin_password_file" ]] || die "cannot read $admin_password_file (run as root: docker compose exec keycloak ...)"

kcadm=/opt/keycloak/bin/kcadm.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
config="$work/kcadm.config"
server="https://localhost:${KC_HTTPS_PORT:-8443}/idp"

# kcadm talks TLS to Keycloak; trust our CA through a throw-away PKCS#12 trust store (public
# content only, hence the fixed store password).
keytool="$(command -v keytool || echo "$(dirname "$(readlink -f "$(command -v java)")")/keytool")"
"$keytool" -importcert -noprompt -alias dispatch-ca -file /certs/ca.crt -storetype PKCS12 \
  -keystore "$work/ca.p12" -storepass dispatch-ca >/dev/null
"$kcadm" config truststore --config "$config" --trustpass dispatch-ca "$work/ca.p12"

KC_CLI_PASSWORD="$(<"$admin_password_file")" "$kcadm" config credentials --config "$config" \
  --server "$server" --realm master --user "${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"

attributes=(-s "username=$username" -s enabled=true)
[[ -z "$email" ]] || attributes+=(-s "email=$email" -s emailVerified=true)
"$kcadm" create users --config "$config" -r dispatch "${attributes[@]}"

initial="$(head -c 48 /dev/urandom | base64 -w0 | tr -d '+/=' | cut -c1-20)"
KC_CLI_PASSWORD="$initial" "$kcadm" set-password --config "$config" -r dispatch \
  --username "$username" --temporary
"$kcadm" add-roles --config "$config" -r dispatch --uusername "$username" --rolename "$role"

echo "created $username in realm dispatch with role $role"
echo "initial password (must be changed at the first sign-in): $initial"

#!/usr/bin/env bash
# Dispatch's private certificate authority and one server certificate per service, for TLS on every
# hop (browser -> nginx -> app -> PostgreSQL, app -> Keycloak, Keycloak -> PostgreSQL).
#
#   certs/generate.sh [OUT_DIR]        (default: the folder this script is in)
#   PUBLIC_HOST=dispatch.example.com certs/generate.sh
#
# Writes ca.crt + ca.key (10 years) and, for each of nginx app keycloak postgres, <service>.crt +
# <service>.key (825 days, ECDSA P-256) signed by the CA, with subjectAltName DNS:<service>,
# DNS:localhost, IP:127.0.0.1, plus PUBLIC_HOST when it is set (DNS, or IP for an IPv4 address).
# Without OUT_DIR and without PUBLIC_HOST in the environment, PUBLIC_HOST comes from the
# repository's .env, else docker-compose.yml's default (dispatch.localhost): the deployment's
# certificates then always cover the name the app uses to reach Keycloak.
# Idempotent: a file that exists is kept as it is, so running it again changes nothing. To renew a
# certificate (or add PUBLIC_HOST to it), delete that service's .crt and .key and run it again.
# Keys are 0600, certificates 0644. ca.key can sign anything our services trust: no container gets
# it; keep it on the host (or offline) and in the encrypted off-host copy of this folder.
set -euo pipefail

SERVICES=(nginx app keycloak postgres)
CA_DAYS=3650
LEAF_DAYS=825

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here}"
if [[ $# -eq 0 && -z "${PUBLIC_HOST:-}" ]]; then
  PUBLIC_HOST=dispatch.localhost
  if [[ -f "$here/../.env" ]]; then
    from_env="$(sed -n 's/^PUBLIC_HOST=//p' "$here/../.env" | tail -n 1 | tr -d "\"' \r")"
    PUBLIC_HOST="${from_env:-$PUBLIC_HOST}"
  fi
fi
command -v openssl >/dev/null || {
  echo "certs/generate.sh: openssl is required" >&2
  exit 1
}
umask 077
# The folder is readable (certificates are public); each key file is 0600. Only the folder
# itself gets 0755 (parents keep their mode), which is what is meant.
# shellcheck disable=SC2174
mkdir -p -m 0755 "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

say() { printf '%s\n' "$*"; }

new_key() {
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
  chmod 0600 "$1"
}

# --- the certificate authority -------------------------------------------------------------------
if [[ -e "$out/ca.crt" && -e "$out/ca.key" ]]; then
  say "kept    $out/ca.crt"
elif [[ -e "$out/ca.crt" || -e "$out/ca.key" ]]; then
  echo "certs/generate.sh: only one of ca.crt and ca.key exists in $out; restore the other or delete both" >&2
  exit 1
else
  new_key "$work/ca.key"
  openssl req -x509 -new -key "$work/ca.key" -sha256 -days "$CA_DAYS" \
    -subj "/O=Dispatch/CN=Dispatch private CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" \
    -out "$work/ca.crt"
  chmod 0644 "$work/ca.crt"
  mv "$work/ca.key" "$out/ca.key"
  mv "$work/ca.crt" "$out/ca.crt"
  say "created $out/ca.crt (private CA, $CA_DAYS days)"
fi
chmod 0600 "$out/ca.key"
chmod 0644 "$out/ca.crt"

# --- one certificate per service -----------------------------------------------------------------
san_extra=""
if [[ -n "${PUBLIC_HOST:-}" ]]; then
  if [[ "$PUBLIC_HOST" =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    san_extra=",IP:$PUBLIC_HOST"
  elif [[ "$PUBLIC_HOST" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]]; then
    san_extra=",DNS:$PUBLIC_HOST"
  else
    echo "certs/generate.sh: PUBLIC_HOST is not a host name: $PUBLIC_HOST" >&2
    exit 1
  fi
fi

for service in "${SERVICES[@]}"; do
  crt="$out/$service.crt"
  key="$out/$service.key"
  for path in "$crt" "$key"; do
    # Docker creates a directory where a bind-mounted file is missing; never take that for a file.
    if [[ -e "$path" && ! -f "$path" ]]; then
      echo "certs/generate.sh: $path exists but is not a file; remove it and run again" >&2
      exit 1
    fi
  done
  if [[ -e "$crt" && -e "$key" ]]; then
    chmod 0600 "$key"
    chmod 0644 "$crt"
    say "kept    $crt"
    wanted="${san_extra#,}"
    wanted="${wanted/#IP:/IP Address:}"
    if [[ -n "$wanted" ]] &&
      ! openssl x509 -in "$crt" -noout -ext subjectAltName | grep -qF "$wanted"; then
      echo "certs/generate.sh: warning: $crt does not cover ${san_extra#,}; delete $service.crt and $service.key to issue a new one" >&2
    fi
    continue
  fi
  if [[ -e "$crt" ]]; then
    echo "certs/generate.sh: $crt exists without its key; delete it to issue a new one" >&2
    exit 1
  fi
  # A key without a certificate (e.g. a key placed here on purpose) is kept and certified.
  [[ -e "$key" ]] || new_key "$key"
  cat >"$work/$service.ext" <<EOF
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:$service,DNS:localhost,IP:127.0.0.1$san_extra
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
EOF
  openssl req -new -key "$key" -subj "/O=Dispatch/CN=$service" -out "$work/$service.csr"
  openssl x509 -req -in "$work/$service.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" \
    -set_serial "0x$(openssl rand -hex 16)" -days "$LEAF_DAYS" -sha256 \
    -extfile "$work/$service.ext" -out "$work/$service.crt" 2>/dev/null
  chmod 0644 "$work/$service.crt"
  mv "$work/$service.crt" "$crt"
  chmod 0600 "$key"
  say "created $crt (SAN DNS:$service,DNS:localhost,IP:127.0.0.1$san_extra; $LEAF_DAYS days)"
done

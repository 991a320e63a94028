#!/usr/bin/env bash
# The production stack, built and run on a real Docker engine, then smoke-tested through nginx:
#
#   deploy/ci/stack.sh
#
# Starts dockerd if it is not running (as root, with no bridge: every container uses the host
# network), makes the base images (deploy/base/build.sh, cached by tag), builds the app, nginx and
# PostgreSQL images from the repository's Dockerfiles with those bases as build arguments, brings
# the stack up with docker-compose.yml plus deploy/ci/compose.ci.yml, runs the smoke tests
# (apps/server/test-stack) and takes the stack down with its volumes. Without a Docker engine it
# says so and exits 0, except under CI=true, where the stage must run.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root="$PWD"

say() { printf 'stack: %s\n' "$*"; }
skip() {
  if [[ "${CI:-}" == true ]]; then
    say "FAILED: $1 (CI must run this stage)"
    exit 1
  fi
  say "skipped: $1"
  exit 0
}

command -v docker >/dev/null || skip "no docker command"
command -v docker-compose >/dev/null || skip "no docker-compose (Debian: apt-get install docker-compose)"
if ! docker info >/dev/null 2>&1; then
  command -v dockerd >/dev/null && [[ "$(id -u)" == 0 ]] || skip "no Docker engine running, and none to start"
  say "starting dockerd (no bridge, no iptables; log /tmp/dockerd.log)"
  (dockerd --bridge=none --iptables=false >/tmp/dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -20 /tmp/dockerd.log; say "FAILED: dockerd did not start"; exit 1; }
fi

started=$SECONDS
# The base images, and the machine's CA bundle for package downloads in the build stages.
eval "$(deploy/base/build.sh)"
cp /etc/ssl/certs/ca-certificates.crt deploy/build-ca/machine.pem

set -a
# shellcheck source=ci.env
source deploy/ci/ci.env
set +a
export DISPATCH_CI_DIR="${DISPATCH_CI_DIR:-$(mktemp -d /tmp/dispatch-ci.XXXXXX)}"
chmod 0755 "$DISPATCH_CI_DIR"
mkdir -p "$BACKUP_HOST_DIR"
compose=(docker-compose --env-file deploy/ci/ci.env -f docker-compose.yml -f deploy/ci/compose.ci.yml -p dispatch-ci)

# Certificates for PUBLIC_HOST and secrets, as an operator makes them (kept if they exist).
PUBLIC_HOST="$PUBLIC_HOST" certs/generate.sh >/dev/null
DB_PORT="$DB_PORT" secrets/generate.sh >/dev/null
# secrets/generate.sh keeps an existing database_url: one made for another port would leave the
# app unable to reach the database, far from the cause.
if ! grep -q "@postgres:$DB_PORT/" secrets/database_url; then
  say "FAILED: secrets/database_url is not for port $DB_PORT (deploy/ci/ci.env); move secrets/ aside and run again"
  exit 1
fi
node deploy/ci/stand-in-config.mjs >"$DISPATCH_CI_DIR/stand-in.json"
chmod 0644 "$DISPATCH_CI_DIR/stand-in.json"

say "building images (bases: $NODE_IMAGE, $NGINX_IMAGE, $POSTGRES_IMAGE)"
build_log="$DISPATCH_CI_DIR/build.log"
if ! "${compose[@]}" build --build-arg "NODE_IMAGE=$NODE_IMAGE" --build-arg "NGINX_IMAGE=$NGINX_IMAGE" \
  --build-arg "POSTGRES_IMAGE=$POSTGRES_IMAGE" app nginx postgres >"$build_log" 2>&1; then
  tail -40 "$build_log"
  say "FAILED: image build"
  exit 1
fi
built=$SECONDS
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E '^dispatch-(app|nginx|postgres):ci ' |
  sed 's/^/stack: image /'

down() {
  "${compose[@]}" logs --no-color >"$DISPATCH_CI_DIR/stack.log" 2>&1 || true
  "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
}
trap down EXIT
"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
if ! "${compose[@]}" up -d --no-build >"$DISPATCH_CI_DIR/up.log" 2>&1; then
  cat "$DISPATCH_CI_DIR/up.log"
  "${compose[@]}" logs --no-color --tail 60
  say "FAILED: the stack did not come up healthy"
  exit 1
fi
# `up` returns once each container has started; nginx and the app are healthy a little later.
for _ in $(seq 1 120); do
  unhealthy=$(for id in $("${compose[@]}" ps -q); do
    docker inspect -f '{{.Name}} {{.State.Health.Status}}' "$id"
  done | grep -v ' healthy$' || true)
  [[ -z "$unhealthy" ]] && break
  sleep 1
done
if [[ -n "$unhealthy" ]]; then
  "${compose[@]}" logs --no-color --tail 60
  say "FAILED: not healthy: $unhealthy"
  exit 1
fi
say "stack healthy after $((SECONDS - built)) s (images built in $((built - started)) s)"

status=0
DISPATCH_STACK_ROOT="$root" DISPATCH_CI_DIR="$DISPATCH_CI_DIR" \
  pnpm --filter @dispatch/server exec vitest run --config vitest.stack.config.ts || status=$?
if [[ $status -ne 0 ]]; then
  "${compose[@]}" logs --no-color --tail 80 || true
  say "FAILED: smoke tests (stack log: $DISPATCH_CI_DIR/stack.log)"
  exit "$status"
fi
say "passed in $((SECONDS - started)) s"

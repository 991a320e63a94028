#!/bin/sh
# Entrypoint of the dispatch-nginx image: renders /etc/nginx/templates/<name>.template into
# /etc/nginx/conf.d/<name> (a tmpfs: the image runs read-only), substituting only DISPATCH_*
# variables, so nginx's own $host, $uri... stay as they are; then runs the command (nginx).
# Every DISPATCH_* variable a template names must be set: an unset one would silently become an
# empty string and a broken configuration.
set -eu

out=/etc/nginx/conf.d
variables=$(env | sed -n 's/^\(DISPATCH_[A-Z0-9_]*\)=.*$/${\1}/p' | tr '\n' ' ')
for template in /etc/nginx/templates/*.template; do
  [ -e "$template" ] || continue
  for wanted in $(grep -o '\${DISPATCH_[A-Z0-9_]*}' "$template" | sort -u); do
    name=$(printf '%s' "$wanted" | tr -d '${}')
    if ! env | grep -q "^$name="; then
      echo "dispatch-nginx: $template needs $name, which is not set" >&2
      exit 1
    fi
  done
  target="$out/$(basename "$template" .template)"
  envsubst "$variables" <"$template" >"$target"
done

exec "$@"

#!/bin/sh
# Entrypoint of the dispatch-app image.
#
# Docker Compose bind-mounts file secrets (and our certificate keys) with the host file's owner and
# mode, 0600 for the operator's user; it ignores uid/gid/mode for file secrets. So the container
# starts as root, copies every file named by a *_FILE variable into a private tmpfs
# (/run/dispatch, 0700) owned by the `dispatch` user, points the variable at the copy, and then
# runs the server as `dispatch` with no capabilities left. Started as another user (`--user`), it
# uses the files where they are.
set -eu

if [ "$(id -u)" = 0 ]; then
  private=/run/dispatch
  mkdir -p "$private"
  chown dispatch:dispatch "$private"
  chmod 0700 "$private"
  for var in $(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*_FILE\)=.*$/\1/p'); do
    eval "source_file=\${$var}"
    [ -n "$source_file" ] || continue
    if [ ! -f "$source_file" ]; then
      echo "dispatch-entrypoint: $var names no file: $source_file" >&2
      exit 1
    fi
    copy="$private/$var"
    cp "$source_file" "$copy"
    chown dispatch:dispatch "$copy"
    chmod 0400 "$copy"
    export "$var=$copy"
  done
  exec setpriv --reuid=dispatch --regid=dispatch --init-groups --inh-caps=-all -- "$@"
fi

exec "$@"

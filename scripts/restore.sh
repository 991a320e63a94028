#!/usr/bin/env bash
# Restores a dump made by scripts/backup.sh and proves the restore complete.
#
#   scripts/restore.sh DUMP TARGET_DB
#
# TARGET_DB is created (from template0) when it does not exist; an existing database must be empty
# (no tables, sequences, views, user schemas, types, functions or extensions): anything else is
# refused, so a restore can never mix with live data. Then pg_restore --no-owner --no-privileges
# --exit-on-error --single-transaction (all or nothing), ANALYZE, and a row count of every table in
# the dump, compared with DUMP.counts (written by backup.sh; read from the dump when missing). A
# DUMP.sha256 beside the dump is checked first. Prints how long it took; exits non-zero on any
# failure or mismatch.
#
# Connection: PGHOST, PGPORT, PGUSER, PGSSLMODE..., password from PGPASSFILE or PGPASSWORD_FILE, as
# for backup.sh. PGMAINTENANCE_DB (default postgres) is where the target is looked up and created.
# RESTORE_ROLE: the role that owns the restored objects (pg_restore --role; the connecting user
# must be allowed to SET ROLE to it), e.g. RESTORE_ROLE=dispatch when rebuilding production.
set -euo pipefail

die() {
  echo "restore: $*" >&2
  exit 1
}
now_ms() { date +%s%3N; }

[[ $# -eq 2 ]] || die "usage: restore.sh DUMP TARGET_DB"
dump="$1"
target="$2"
maintenance="${PGMAINTENANCE_DB:-postgres}"
role="${RESTORE_ROLE:-}"
[[ -f "$dump" && -r "$dump" ]] || die "cannot read $dump"
[[ "$target" =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] || die "TARGET_DB must be a plain database name"
[[ -z "$role" || "$role" =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] || die "RESTORE_ROLE must be a plain role name"
for tool in psql pg_restore sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

umask 077
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -n "${PGPASSWORD_FILE:-}" ]]; then
  [[ -r "$PGPASSWORD_FILE" ]] || die "cannot read PGPASSWORD_FILE $PGPASSWORD_FILE"
  password="$(<"$PGPASSWORD_FILE")"
  password="${password//\\/\\\\}"
  password="${password//:/\\:}"
  printf '*:*:*:*:%s\n' "$password" >"$work/pgpass"
  unset password
  export PGPASSFILE="$work/pgpass"
fi

psql_q() { psql --no-psqlrc --no-password --quiet --tuples-only --no-align -v ON_ERROR_STOP=1 "$@"; }

started="$(now_ms)"

# 1. The dump is the one that was written.
if [[ -f "$dump.sha256" ]]; then
  (cd "$(dirname "$dump")" && sha256sum --quiet --check "$(basename "$dump").sha256") ||
    die "$dump does not match $dump.sha256"
fi

# 2. What the restored tables must hold.
if [[ -f "$dump.counts" ]]; then
  cp "$dump.counts" "$work/expected"
else
  pg_restore --data-only --file=- "$dump" | awk '
    inside { if ($0 == "\\.") { print name, rows; inside = 0 } else rows++; next }
    /^COPY .* FROM stdin;$/ {
      name = substr($0, 6); sub(/ \(.*$/, "", name); sub(/ FROM stdin;$/, "", name); sub(/ +$/, "", name)
      rows = 0; inside = 1
    }
  ' >"$work/expected"
fi
[[ -s "$work/expected" ]] || die "the dump holds no table data"

# 3. The target: new, or existing and empty.
exists="$(psql_q --dbname="$maintenance" -v db="$target" <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")"
if [[ -n "$exists" ]]; then
  objects="$(psql_q --dbname="$target" <<'SQL'
SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname <> 'information_schema' AND n.nspname !~ '^pg_')
     + (SELECT count(*) FROM pg_namespace
         WHERE nspname NOT IN ('public', 'information_schema') AND nspname !~ '^pg_')
     + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname <> 'information_schema' AND n.nspname !~ '^pg_' AND t.typtype IN ('e', 'd', 'r', 'm'))
     + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname <> 'information_schema' AND n.nspname !~ '^pg_')
     + (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql');
SQL
)"
  [[ "$objects" == 0 ]] || die "refusing to restore into $target: it is not empty ($objects objects); use a new database name"
  echo "restore: into the existing, empty database $target"
else
  psql_q --dbname="$maintenance" -v db="$target" -v owner="${role:-$(psql_q --dbname="$maintenance" <<<'SELECT current_user;')}" \
    <<<'CREATE DATABASE :"db" OWNER :"owner" TEMPLATE template0;' >/dev/null
  echo "restore: created database $target"
fi

# 4. All or nothing.
pg_restore --dbname="$target" --no-owner --no-privileges --exit-on-error --single-transaction \
  --no-password ${role:+--role="$role"} "$dump"
psql_q --dbname="$target" -c 'ANALYZE' >/dev/null

# 5. Every table holds exactly the rows the dump holds.
tables=()
expected=()
while IFS= read -r line; do
  tables+=("${line% *}")
  expected+=("${line##* }")
done <"$work/expected"
query=""
for name in "${tables[@]}"; do query+="SELECT count(*) FROM $name;"$'\n'; done
mapfile -t actual < <(psql_q --dbname="$target" <<<"$query")
[[ ${#actual[@]} -eq ${#tables[@]} ]] || die "counted ${#actual[@]} of ${#tables[@]} tables in $target"
mismatches=0
total=0
for i in "${!tables[@]}"; do
  total=$((total + expected[i]))
  if [[ "${actual[i]}" != "${expected[i]}" ]]; then
    echo "restore: MISMATCH ${tables[i]}: dump ${expected[i]} rows, restored ${actual[i]}" >&2
    mismatches=$((mismatches + 1))
  fi
done
[[ $mismatches -eq 0 ]] || die "$mismatches of ${#tables[@]} tables differ from the dump"

elapsed=$(($(now_ms) - started))
printf 'restore: %s -> %s: %d tables, %d rows, every count matches the dump, in %d.%03d s\n' \
  "$dump" "$target" "${#tables[@]}" "$total" $((elapsed / 1000)) $((elapsed % 1000))

#!/usr/bin/env bash
# Backs up one PostgreSQL database (the app's by default) with pg_dump's custom format.
#
#   scripts/backup.sh
#
# Writes ${BACKUP_DIR:-/var/backups/dispatch}/${BACKUP_PREFIX:-dispatch}-YYYYmmddTHHMMSSZ.dump (UTC)
# and beside it:
#   <dump>.counts   "table rows" lines read back from the dump itself (every table's data as
#                   pg_dump saw it in its one snapshot); scripts/restore.sh checks a restore
#                   against them
#   <dump>.sha256   its checksum (sha256sum -c), for copies kept elsewhere
# then deletes this prefix's dumps older than ${KEEP_DAYS:-14} days, and prints the file, its size
# and how long it took. Exits non-zero on any failure; a failed run leaves no partial dump.
#
# Connection: libpq's own variables PGHOST, PGPORT, PGUSER, PGDATABASE (default dispatch),
# PGSSLMODE (use verify-full with PGSSLROOTCERT over TCP), and the password from PGPASSFILE or
# PGPASSWORD_FILE (a file holding only the password). Never a password on the command line.
# In the containers: docker compose exec -T -u postgres postgres dispatch-backup (deploy/README.md).
set -euo pipefail

backup_dir="${BACKUP_DIR:-/var/backups/dispatch}"
prefix="${BACKUP_PREFIX:-dispatch}"
keep_days="${KEEP_DAYS:-14}"
export PGDATABASE="${PGDATABASE:-dispatch}"

die() {
  echo "backup: $*" >&2
  exit 1
}
now_ms() { date +%s%3N; }

[[ "$keep_days" =~ ^[0-9]+$ && "$keep_days" -ge 1 ]] || die "KEEP_DAYS must be a whole number of days, at least 1"
[[ "$prefix" =~ ^[A-Za-z0-9_.-]+$ ]] || die "BACKUP_PREFIX may hold letters, digits, . _ - only"
for tool in pg_dump pg_restore sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

umask 077
work="$(mktemp -d)"
partial=""
cleanup() {
  rm -rf "$work"
  if [[ -n "$partial" ]]; then rm -f "$partial" "$partial.counts" "$partial.sha256"; fi
}
trap cleanup EXIT

# A password file becomes a private .pgpass for this run only.
if [[ -n "${PGPASSWORD_FILE:-}" ]]; then
  [[ -r "$PGPASSWORD_FILE" ]] || die "cannot read PGPASSWORD_FILE $PGPASSWORD_FILE"
  password="$(<"$PGPASSWORD_FILE")"
  password="${password//\\/\\\\}"
  password="${password//:/\\:}"
  printf '*:*:*:*:%s\n' "$password" >"$work/pgpass"
  unset password
  export PGPASSFILE="$work/pgpass"
fi

mkdir -p "$backup_dir"
started="$(now_ms)"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dump="$backup_dir/$prefix-$stamp.dump"
[[ ! -e "$dump" ]] || die "$dump already exists"
partial="$dump.partial"

pg_dump --format=custom --compress=6 --no-password --file="$partial"

# Row counts straight from the dump: each table's data is one COPY block, one line per row.
pg_restore --data-only --file=- "$partial" | awk '
  inside { if ($0 == "\\.") { print name, rows; inside = 0 } else rows++; next }
  /^COPY .* FROM stdin;$/ {
    name = substr($0, 6); sub(/ \(.*$/, "", name); sub(/ FROM stdin;$/, "", name); sub(/ +$/, "", name)
    rows = 0; inside = 1
  }
' >"$partial.counts"

mv "$partial" "$dump"
mv "$partial.counts" "$dump.counts"
(cd "$backup_dir" && sha256sum "$(basename "$dump")" >"$(basename "$dump").sha256")
partial=""

# Retention: this prefix's dumps older than KEEP_DAYS days, with their .counts and .sha256.
removed=0
while IFS= read -r -d '' old; do
  rm -f "$old" "$old.counts" "$old.sha256"
  echo "backup: removed $old (older than $keep_days days)"
  removed=$((removed + 1))
done < <(find "$backup_dir" -maxdepth 1 -type f -name "$prefix-*.dump" \
  -mmin +"$((keep_days * 24 * 60))" ! -path "$dump" -print0)

bytes="$(stat -c %s "$dump")"
tables="$(wc -l <"$dump.counts")"
elapsed=$(($(now_ms) - started))
size="$bytes bytes"
if command -v numfmt >/dev/null; then size="$(numfmt --to=iec-i --suffix=B "$bytes"), $size"; fi
printf 'backup: %s (%s, %s tables, database %s) in %d.%03d s\n' \
  "$dump" "$size" "$tables" "$PGDATABASE" $((elapsed / 1000)) $((elapsed % 1000))

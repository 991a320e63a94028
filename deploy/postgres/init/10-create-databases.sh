#!/usr/bin/env bash
# Creates the roles `dispatch` and `keycloak` and their databases. The official postgres image runs
# the files in /docker-entrypoint-initdb.d once, on the first start of an empty data directory, as
# the postgres user over the Unix socket (it executes an executable .sh and sources one that is
# not; everything below runs in a subshell so either way works and nothing leaks into the
# entrypoint). Safe to run again: an existing role gets its password reset from the file, an
# existing database is left alone.
#
# Environment: DISPATCH_DB_PASSWORD_FILE, KEYCLOAK_DB_PASSWORD_FILE (files holding the passwords),
# POSTGRES_USER and POSTGRES_DB (set by the image; default postgres), and the usual PGHOST/PGPORT.
(
  set -Eeuo pipefail
  for var in DISPATCH_DB_PASSWORD_FILE KEYCLOAK_DB_PASSWORD_FILE; do
    file="${!var:-}"
    if [[ -z "$file" || ! -r "$file" || ! -s "$file" ]]; then
      echo "10-create-databases.sh: $var must name a readable, non-empty file" >&2
      exit 1
    fi
  done

  # The passwords never appear on a command line or in the script: psql reads each file itself
  # (a backquoted \set), and the statements that carry them are not logged.
  psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --quiet \
    --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
    --set=dispatch_password_file="$DISPATCH_DB_PASSWORD_FILE" \
    --set=keycloak_password_file="$KEYCLOAK_DB_PASSWORD_FILE" <<'SQL'
SET log_statement = 'none';
SET log_min_error_statement = 'panic';
SET log_min_duration_statement = -1;
\set dispatch_password `cat :'dispatch_password_file'`
\set keycloak_password `cat :'keycloak_password_file'`

SELECT format(
         CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = r.name)
              THEN 'ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L'
              ELSE 'CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L'
         END, r.name, r.password)
  FROM (VALUES ('dispatch', :'dispatch_password'), ('keycloak', :'keycloak_password'))
       AS r(name, password)
\gexec

SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', name, name, 'UTF8')
  FROM (VALUES ('dispatch'), ('keycloak')) AS d(name)
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d.name)
\gexec

-- Each role reaches its own database only.
REVOKE ALL ON DATABASE dispatch FROM PUBLIC;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
SQL
  echo "10-create-databases.sh: roles and databases dispatch and keycloak are ready"
)

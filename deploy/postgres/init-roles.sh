#!/usr/bin/env bash
# Runs once, when the PostgreSQL container initialises an empty volume (docker-entrypoint-initdb.d).
# Same layout as the embedded database: laman_owner owns the schema and runs migrations; laman_app is what
# the API connects as: data privileges only, never superuser, never BYPASSRLS, so row-level security applies.
set -euo pipefail
: "${LAMAN_OWNER_PASSWORD:?set LAMAN_OWNER_PASSWORD}"
: "${LAMAN_APP_PASSWORD:?set LAMAN_APP_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_pw="$LAMAN_OWNER_PASSWORD" -v app_pw="$LAMAN_APP_PASSWORD" <<'SQL'
CREATE ROLE laman_owner LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'owner_pw';
CREATE ROLE laman_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_pw';
CREATE DATABASE laman OWNER laman_owner;
\connect laman
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO laman_app;
SQL

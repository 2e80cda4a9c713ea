#!/usr/bin/env bash
# Starts Debian's PostgreSQL 15 on 127.0.0.1:5432 for the tests (as root) and gives the postgres user
# a password. Then, for a developer:
#   export INVESTCRM_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres'
# The password is for a throw-away local test server only.
set -euo pipefail

version=15
password=${INVESTCRM_TEST_POSTGRES_PASSWORD:-postgres}

if ! pg_lsclusters --no-header | grep -q "^$version \+main "; then
  pg_createcluster "$version" main
fi
if ! pg_lsclusters --no-header | grep -q "^$version \+main .* online "; then
  pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -c "ALTER USER postgres PASSWORD '$password'"
echo "PostgreSQL $version is up on 127.0.0.1:5432"

#!/usr/bin/env bash
# Adds a migration with the same name to both providers: bash migrations/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: add-migration.sh NAME}
cd "$(dirname "$0")/.."
export EfDesign=true # pulls in the design-time references (see the .csproj files)
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project=migrations/InvestCRM.Migrations.$provider
  dotnet restore "$project" >/dev/null
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done

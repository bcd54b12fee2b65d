#!/usr/bin/env bash
# Adds a migration NAME for both providers (SQLite and PostgreSQL keep separate migration sets).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: tools/add-migration.sh NAME}
dotnet tool restore >/dev/null
core=src/Suifang.Core
dotnet build "$core" -v q -nologo >/dev/null
dotnet ef migrations add "$name" --no-build --project "$core" --context SqliteSuifangDbContext -o Data/Migrations/Sqlite
dotnet ef migrations add "$name" --no-build --project "$core" --context PostgresSuifangDbContext -o Data/Migrations/Postgres

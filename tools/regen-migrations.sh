#!/usr/bin/env bash
# Until the first release the schema is one "Initial" migration per provider, regenerated from the model.
# After the first release, add migrations instead: tools/add-migration.sh NAME.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
core=src/Suifang.Core
rm -rf "$core/Data/Migrations"
dotnet build "$core" -v q -nologo >/dev/null
dotnet ef migrations add Initial --no-build --project "$core" --context SqliteSuifangDbContext -o Data/Migrations/Sqlite
dotnet ef migrations add Initial --no-build --project "$core" --context PostgresSuifangDbContext -o Data/Migrations/Postgres
dotnet build "$core" -v q -nologo >/dev/null
echo "migrations regenerated"

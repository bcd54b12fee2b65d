using Suifang.Core.Data;
using Xunit;

namespace Suifang.Testing;

/// Theory data: every database test runs on SQLite and on PostgreSQL.
public sealed class Providers : TheoryData<DatabaseProvider>
{
    public Providers()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Suifang.Core.Data;

/// Used by `dotnet ef migrations add` only; the running host configures contexts through DataModule.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSuifangDbContext>
{
    public SqliteSuifangDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSuifangDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSuifangDbContext>
{
    public PostgresSuifangDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSuifangDbContext>().UseNpgsql("Host=localhost;Database=suifang_design").Options);
}

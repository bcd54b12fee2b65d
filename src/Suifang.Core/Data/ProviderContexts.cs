using Microsoft.EntityFrameworkCore;

namespace Suifang.Core.Data;

public sealed class SqliteSuifangDbContext(DbContextOptions<SqliteSuifangDbContext> options) : SuifangDbContext(options);

public sealed class PostgresSuifangDbContext(DbContextOptions<PostgresSuifangDbContext> options) : SuifangDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Suifang stores hospital wall-clock times (ADR 0002), not instants.
        builder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
    }

    protected override async Task LockAuditChainAsync(CancellationToken ct) =>
        await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(72873001)", ct);
}

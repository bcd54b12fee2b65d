using Microsoft.EntityFrameworkCore;
using Suifang.Core.Patients;

namespace Suifang.Core.Data;

public sealed class SqliteSuifangDbContext(DbContextOptions<SqliteSuifangDbContext> options) : SuifangDbContext(options);

public sealed class PostgresSuifangDbContext(DbContextOptions<PostgresSuifangDbContext> options) : SuifangDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Suifang stores hospital wall-clock times (ADR 0002), not instants.
        builder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Prefix searches are ranges [x, x+1): correct only in code-point order, whatever the database's locale.
        builder.Entity<Patient>().Property(p => p.Name).UseCollation("C");
        builder.Entity<Encounter>().Property(e => e.AttendingDoctor).UseCollation("C");
        builder.Entity<Encounter>().Property(e => e.PrimaryDiagnosisCode).UseCollation("C");
    }

    protected override async Task LockAuditChainAsync(CancellationToken ct) =>
        await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(72873001)", ct);
}

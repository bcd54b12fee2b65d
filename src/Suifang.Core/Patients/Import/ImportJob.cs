using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suifang.Core.Patients.Import;

public enum JobStatus
{
    Running = 0,
    Completed = 1,
    Failed = 2,
}

/// One Excel import: its counts and the rows it rejected, with row number and reason.
public sealed class ImportJob
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string FileName { get; set; }
    public required string UserName { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public JobStatus Status { get; set; }
    public int TotalRows { get; set; }
    public int ImportedPatients { get; set; }
    public int ImportedEncounters { get; set; }
    /// Rows whose patient and encounter were already there unchanged: "已存在，未重复导入".
    public int DuplicateRows { get; set; }

    /// Rows that added nothing new but completed what was there (e.g. the discharge of a known stay).
    public int UpdatedRows { get; set; }
    public int RejectedRows { get; set; }

    /// JSON array of {row, errors: [{column, reason}], valuesCipher} (see RejectedRowsJson);
    /// the first 10,000 rows are kept, RejectedRows counts them all.
    public string? RejectedDetails { get; set; }
    public string? FailureMessage { get; set; }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(j => j.FileName).HasMaxLength(256);
        b.Property(j => j.UserName).HasMaxLength(128);
        b.Property(j => j.FailureMessage).HasMaxLength(1024);
        b.HasIndex(j => j.StartedAt);
    }
}

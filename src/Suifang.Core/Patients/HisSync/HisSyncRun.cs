using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Patients.Import;

namespace Suifang.Core.Patients.HisSync;

/// One pull from the HIS: the watermark it started from, the one it reached, and what it found.
public sealed class HisSyncRun
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Source { get; set; }
    public required string Trigger { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public JobStatus Status { get; set; }
    public DateTime? SinceWatermark { get; set; }
    public DateTime? ReachedWatermark { get; set; }
    public int PatientsCreated { get; set; }
    public int PatientsUpdated { get; set; }
    public int EncountersCreated { get; set; }
    public int EncountersUpdated { get; set; }
    public int RejectedResources { get; set; }

    /// JSON array of {resource, reason} for what the sync could not take.
    public string? RejectedDetails { get; set; }
    public string? FailureMessage { get; set; }
}

internal sealed class HisSyncRunConfiguration : IEntityTypeConfiguration<HisSyncRun>
{
    public void Configure(EntityTypeBuilder<HisSyncRun> b)
    {
        b.Property(r => r.Source).HasMaxLength(64);
        b.Property(r => r.Trigger).HasMaxLength(32);
        b.Property(r => r.FailureMessage).HasMaxLength(1024);
        b.HasIndex(r => new { r.Source, r.StartedAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Calls;
using Suifang.Core.Organization;

namespace Suifang.Core.Quality;

internal sealed class QualitySampleConfiguration : IEntityTypeConfiguration<QualitySample>
{
    public void Configure(EntityTypeBuilder<QualitySample> b)
    {
        b.ToTable("QualitySamples");
        b.Property(s => s.ScriptKey).HasMaxLength(128);
        b.Property(s => s.ReviewedBy).HasMaxLength(64);
        b.Property(s => s.ReviewNote).HasMaxLength(500);
        // A call is never sampled twice, on any node.
        b.HasIndex(s => s.CallId).IsUnique();
        b.HasIndex(s => new { s.HospitalId, s.Review, s.SampledAt });
        b.HasIndex(s => new { s.HospitalId, s.CallEndedAt });
        b.HasOne<Call>().WithMany().HasForeignKey(s => s.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Findings).WithOne().HasForeignKey(f => f.SampleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Answers).WithOne().HasForeignKey(a => a.SampleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualityFindingConfiguration : IEntityTypeConfiguration<QualityFinding>
{
    public void Configure(EntityTypeBuilder<QualityFinding> b)
    {
        b.ToTable("QualityFindings");
        b.Property(f => f.Item).HasMaxLength(64);
        b.Property(f => f.Detail).HasMaxLength(500);
    }
}

internal sealed class AnswerReviewConfiguration : IEntityTypeConfiguration<AnswerReview>
{
    public void Configure(EntityTypeBuilder<AnswerReview> b)
    {
        b.ToTable("QualityAnswerReviews");
        b.Property(a => a.QuestionKey).HasMaxLength(64);
        b.Property(a => a.Understood).HasMaxLength(500);
        b.Property(a => a.CorrectValue).HasMaxLength(500);
        b.Property(a => a.ReviewedBy).HasMaxLength(64);
        b.HasIndex(a => new { a.SampleId, a.QuestionKey }).IsUnique();
    }
}

internal sealed class QualitySettingsConfiguration : IEntityTypeConfiguration<QualitySettings>
{
    public void Configure(EntityTypeBuilder<QualitySettings> b)
    {
        b.ToTable("QualitySettings");
        b.Property(s => s.ForbiddenRules).HasMaxLength(4000);
        b.Property(s => s.UpdatedBy).HasMaxLength(64);
        b.HasIndex(s => new { s.HospitalId, s.DepartmentId }).IsUnique();
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> b)
    {
        b.ToTable("RetentionRuns");
        b.Property(r => r.Summary).HasMaxLength(1000);
        b.HasIndex(r => new { r.HospitalId, r.At });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;
using Suifang.Core.Patients;
using Suifang.Core.Questionnaires.Links;

namespace Suifang.Core.Questionnaires;

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> b)
    {
        b.ToTable("Questionnaires");
        b.Property(q => q.Key).HasMaxLength(64);
        b.Property(q => q.Title).HasMaxLength(128);
        b.Property(q => q.Description).HasMaxLength(1000);
        b.Property(q => q.UpdatedBy).HasMaxLength(64);
        b.Ignore(q => q.Draft);
        b.HasIndex(q => new { q.HospitalId, q.Key }).IsUnique();
        b.HasIndex(q => new { q.HospitalId, q.DepartmentId, q.Deleted });
        b.HasOne<Hospital>().WithMany().HasForeignKey(q => q.HospitalId);
        b.HasOne<Department>().WithMany().HasForeignKey(q => q.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(q => q.Versions).WithOne(v => v.Questionnaire).HasForeignKey(v => v.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersion>
{
    public void Configure(EntityTypeBuilder<QuestionnaireVersion> b)
    {
        b.ToTable("QuestionnaireVersions");
        b.Property(v => v.Title).HasMaxLength(128);
        b.Property(v => v.PublishedBy).HasMaxLength(64);
        b.Ignore(v => v.Content);
        b.HasIndex(v => new { v.QuestionnaireId, v.Version }).IsUnique();
    }
}

internal sealed class QuestionnaireLinkConfiguration : IEntityTypeConfiguration<QuestionnaireLink>
{
    public void Configure(EntityTypeBuilder<QuestionnaireLink> b)
    {
        b.ToTable("QuestionnaireLinks");
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.Property(l => l.EffectKey).HasMaxLength(128);
        b.Property(l => l.Period).HasMaxLength(32);
        b.Property(l => l.SentBy).HasMaxLength(64);
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasIndex(l => l.EffectKey).IsUnique().HasFilter("\"EffectKey\" IS NOT NULL");
        b.HasIndex(l => new { l.QuestionnaireId, l.CreatedAt });
        b.HasIndex(l => new { l.PatientId, l.CreatedAt });
        b.HasIndex(l => l.TaskId);
        b.HasOne<Patient>().WithMany().HasForeignKey(l => l.PatientId);
        b.HasOne<Department>().WithMany().HasForeignKey(l => l.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Questionnaire>().WithMany().HasForeignKey(l => l.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.Version).WithMany().HasForeignKey(l => l.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionnaireResponseConfiguration : IEntityTypeConfiguration<QuestionnaireResponse>
{
    public void Configure(EntityTypeBuilder<QuestionnaireResponse> b)
    {
        b.ToTable("QuestionnaireResponses");
        b.Property(r => r.Band).HasMaxLength(64);
        b.Property(r => r.Period).HasMaxLength(32);
        // One submission per link: a second (double tap, two tabs) cannot be stored.
        b.HasIndex(r => r.LinkId).IsUnique();
        b.HasIndex(r => new { r.PatientId, r.SubmittedAt });
        b.HasIndex(r => new { r.QuestionnaireId, r.SubmittedAt });
        // The response processor's backlog: small, because a processed response leaves it.
        b.HasIndex(r => r.Id, "IX_QuestionnaireResponses_Unprocessed").HasFilter("\"ProcessedAt\" IS NULL");
        b.HasOne<QuestionnaireLink>().WithMany().HasForeignKey(r => r.LinkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId);
    }
}

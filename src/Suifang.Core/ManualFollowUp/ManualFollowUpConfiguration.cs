using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;
using Suifang.Core.Tasks;

namespace Suifang.Core.ManualFollowUp;

internal sealed class ManualFormTemplateConfiguration : IEntityTypeConfiguration<ManualFormTemplate>
{
    public void Configure(EntityTypeBuilder<ManualFormTemplate> b)
    {
        b.ToTable("ManualFormTemplates");
        b.Property(t => t.Key).HasMaxLength(64);
        b.Property(t => t.Name).HasMaxLength(128);
        b.Property(t => t.Description).HasMaxLength(1000);
        b.Property(t => t.CreatedBy).HasMaxLength(64);
        b.Property(t => t.UpdatedBy).HasMaxLength(64);
        b.OwnsMany(t => t.Questions, q => q.ToJson());
        b.OwnsMany(t => t.Triggers, t => t.ToJson());
        b.HasIndex(t => new { t.HospitalId, t.Key, t.Version }).IsUnique();
        b.HasIndex(t => new { t.HospitalId, t.DepartmentId, t.Status });
        b.HasOne<Hospital>().WithMany().HasForeignKey(t => t.HospitalId);
        b.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ManualQueueEntryConfiguration : IEntityTypeConfiguration<ManualQueueEntry>
{
    public void Configure(EntityTypeBuilder<ManualQueueEntry> b)
    {
        b.ToTable("ManualQueue");
        b.Property(e => e.EffectKey).HasMaxLength(64);
        b.Property(e => e.ClaimedBy).HasMaxLength(64);
        b.Property(e => e.ClaimedByName).HasMaxLength(64);
        b.HasIndex(e => e.EffectKey).IsUnique();
        b.HasIndex(e => new { e.HospitalId, e.ClosedAt, e.DepartmentId, e.DueTo });
        b.HasIndex(e => e.TaskId);
        b.HasOne<FollowUpTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ManualRecordConfiguration : IEntityTypeConfiguration<ManualRecord>
{
    public void Configure(EntityTypeBuilder<ManualRecord> b)
    {
        b.ToTable("ManualRecords");
        b.Property(r => r.TemplateName).HasMaxLength(128);
        b.Property(r => r.Respondent).HasMaxLength(64);
        b.Property(r => r.Note).HasMaxLength(2000);
        b.Property(r => r.Summary).HasMaxLength(256);
        b.Property(r => r.StaffId).HasMaxLength(64);
        b.Property(r => r.StaffName).HasMaxLength(64);
        b.OwnsMany(r => r.Answers, a => a.ToJson());
        b.HasIndex(r => r.EntryId).IsUnique();
        b.HasIndex(r => new { r.PatientId, r.At });
        b.HasOne<ManualQueueEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;
using Suifang.Core.Patients;

namespace Suifang.Core.Todos;

internal sealed class TodoConfiguration : IEntityTypeConfiguration<TodoItem>
{
    public void Configure(EntityTypeBuilder<TodoItem> b)
    {
        b.ToTable("Todos");
        b.Property(t => t.Reason).HasMaxLength(500);
        b.Property(t => t.Evidence).HasMaxLength(1000);
        b.Property(t => t.QuestionKey).HasMaxLength(64);
        b.Property(t => t.Source).HasMaxLength(32);
        b.Property(t => t.ClosedBy).HasMaxLength(64);
        b.Property(t => t.ClosedNote).HasMaxLength(500);
        b.Property(t => t.RuleKey).HasMaxLength(128);
        b.Property(t => t.Comparison).HasMaxLength(500);
        b.Property(t => t.AssignedToUserId).HasMaxLength(64);
        b.Property(t => t.AcknowledgedBy).HasMaxLength(64);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.AssignedToUserId, t.Status });
        b.HasIndex(t => new { t.HospitalId, t.DepartmentId, t.Status, t.Urgency, t.CreatedAt });
        // The list's two orders over the whole hospital (5.1.6): 未处理 most urgent then oldest, 已处理 newest closed. They carry
        // department and patient so that a page, a capped count or a per-to-do patient test reads the index alone.
        b.HasIndex(t => new { t.HospitalId, t.Status, t.Urgency, t.CreatedAt, t.Id, t.DepartmentId, t.PatientId })
            .IsDescending(false, false, true, false, false, false, false);
        b.HasIndex(t => new { t.HospitalId, t.Status, t.ClosedAt, t.Id, t.DepartmentId, t.PatientId });
        b.HasIndex(t => new { t.PatientId, t.Status });
        b.HasIndex(t => t.CallId);
        b.HasIndex(t => t.AlertedAt);
        b.HasIndex(t => new { t.SourceResultId, t.RuleKey }).IsUnique();
        b.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId);
        b.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

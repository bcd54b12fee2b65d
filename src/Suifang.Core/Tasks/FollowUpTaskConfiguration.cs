using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;
using Suifang.Core.Patients;
using Suifang.Core.Plans;

namespace Suifang.Core.Tasks;

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> b)
    {
        b.ToTable("Tasks");
        b.Property(t => t.Queue).HasMaxLength(32);
        b.Property(t => t.LeaseOwner).HasMaxLength(64);
        b.Property(t => t.IdempotencyKey).HasMaxLength(96);
        b.Property(t => t.Outcome).HasMaxLength(256);
        b.Property(t => t.LastFailureReason).HasMaxLength(256);
        b.Property(t => t.Message).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.IsOpen);
        b.HasIndex(t => t.IdempotencyKey).IsUnique();
        // The lease query: open, unpaused tasks of a queue whose next attempt is due, oldest first.
        b.HasIndex(t => new { t.Queue, t.State, t.NextAttemptAt })
            .HasFilter("\"State\" IN (0, 1, 2, 3) AND NOT \"Paused\"");
        // The due tasks in each scheduling policy's order (7.2.2.1 a), so a lease reads only the rows it takes.
        const string due = "\"State\" = 1 AND NOT \"Paused\"";
        b.HasIndex(t => new { t.Queue, t.NextAttemptAt }, "IX_Tasks_Due_FirstCome").HasFilter(due);
        b.HasIndex(t => new { t.Queue, t.Priority, t.NextAttemptAt }, "IX_Tasks_Due_Priority").IsDescending(false, true, false).HasFilter(due);
        b.HasIndex(t => new { t.Queue, t.DueTo, t.NextAttemptAt }, "IX_Tasks_Due_Deadline").HasFilter(due);
        b.HasIndex(t => new { t.Queue, t.ExpectedSeconds, t.NextAttemptAt }, "IX_Tasks_Due_Shortest").HasFilter(due);
        b.HasIndex(t => new { t.Queue, t.DepartmentId, t.NextAttemptAt }, "IX_Tasks_Due_Department").HasFilter(due);
        // Never two calls to one patient at once (7.2.2): at most one task per patient holds a lease, on every node.
        b.HasIndex(t => t.PatientId, "IX_Tasks_OneActivePerPatient").IsUnique().HasFilter("\"LeaseOwner\" IS NOT NULL");
        b.HasIndex(t => new { t.Queue, t.LeaseExpiresAt }, "IX_Tasks_Leased").HasFilter("\"LeaseOwner\" IS NOT NULL");
        // The queue monitor's finished-in-the-last-minutes counts (TaskMonitor): only finished tasks, so the open tasks a
        // plan creates (hundreds of thousands a day) do not enter it. "FinishedAt > x" implies the filter on both providers.
        b.HasIndex(t => new { t.Queue, t.FinishedAt }).HasFilter("\"FinishedAt\" IS NOT NULL");
        b.HasIndex(t => new { t.PatientId, t.State });
        // First calls whose pre-call notice is still to be written (PreCallNotices): only those, and only until it is.
        b.HasIndex(t => t.NoticeAt).HasFilter("\"NoticeAt\" IS NOT NULL");
        b.HasIndex(t => new { t.PlanStepId });
        // Statistics (5.1.7): due tasks of a period grouped by department and channel, read from the index alone.
        b.HasIndex(t => new { t.HospitalId, t.DueFrom, t.DepartmentId, t.Channel, t.State, t.Attempts }, "IX_Tasks_Statistics");
        b.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId);
        b.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Plan).WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Step).WithMany().HasForeignKey(t => t.PlanStepId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.AttemptLog).WithOne().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskAttemptConfiguration : IEntityTypeConfiguration<TaskAttempt>
{
    public void Configure(EntityTypeBuilder<TaskAttempt> b)
    {
        b.Property(a => a.Outcome).HasMaxLength(256);
        b.Property(a => a.FailureReason).HasMaxLength(256);
        b.Property(a => a.EffectKey).HasMaxLength(128);
        b.HasIndex(a => a.EffectKey).IsUnique();
        b.HasIndex(a => new { a.TaskId, a.Number }).IsUnique();
    }
}

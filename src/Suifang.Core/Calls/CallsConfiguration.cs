using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;
using Suifang.Core.Patients;
using Suifang.Core.Tasks;

namespace Suifang.Core.Calls;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.ToTable("Calls");
        b.Property(c => c.EffectKey).HasMaxLength(128);
        b.Property(c => c.Period).HasMaxLength(32);
        b.Property(c => c.ScriptKey).HasMaxLength(128);
        b.Property(c => c.Telephony).HasMaxLength(64);
        b.Property(c => c.NumberMasked).HasMaxLength(32);
        b.Property(c => c.Detail).HasMaxLength(256);
        b.Property(c => c.RecordingPath).HasMaxLength(500);
        b.Property(c => c.UnderstandingSource).HasMaxLength(64);
        b.Property(c => c.UnderstandingModel).HasMaxLength(200);
        b.Property(c => c.TriggerRulesVersion).HasMaxLength(64);
        b.Property(c => c.Summary).HasMaxLength(1000);
        b.Ignore(c => c.Answered);
        // The idempotency key: one call per task attempt, on every node.
        b.HasIndex(c => c.EffectKey).IsUnique();
        b.HasIndex(c => new { c.HospitalId, c.DepartmentId, c.StartedAt });
        b.HasIndex(c => new { c.PatientId, c.StartedAt });
        b.HasIndex(c => c.TaskId);
        // Outbound batches (5.1.7): the calls of a period grouped by day, department, period and script.
        b.HasIndex(c => new { c.HospitalId, c.StartedAt, c.DepartmentId, c.ScriptKey, c.ScriptVersion }, "IX_Calls_Batches");
        b.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId);
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FollowUpTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Turns).WithOne().HasForeignKey(t => t.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CallTurnConfiguration : IEntityTypeConfiguration<CallTurn>
{
    public void Configure(EntityTypeBuilder<CallTurn> b)
    {
        b.ToTable("CallTurns");
        b.Property(t => t.Text).HasMaxLength(2000);
        b.Property(t => t.Dtmf).HasMaxLength(32);
        b.Property(t => t.QuestionKey).HasMaxLength(64);
        b.Property(t => t.Intent).HasMaxLength(32);
        b.HasIndex(t => new { t.CallId, t.Index }).IsUnique();
    }
}

internal sealed class FollowUpResultConfiguration : IEntityTypeConfiguration<FollowUpResult>
{
    public void Configure(EntityTypeBuilder<FollowUpResult> b)
    {
        b.ToTable("FollowUpResults");
        b.Property(r => r.QuestionKey).HasMaxLength(64);
        b.Property(r => r.Value).HasMaxLength(500);
        b.Property(r => r.Said).HasMaxLength(2000);
        b.Property(r => r.Period).HasMaxLength(32);
        // A call keeps one answer per question (a later correction replaces the earlier one).
        b.HasIndex(r => new { r.CallId, r.QuestionKey }).IsUnique().HasFilter("\"CallId\" IS NOT NULL");
        // Memory and the archive: a patient's answers, newest first.
        b.HasIndex(r => new { r.PatientId, r.At });
        b.HasIndex(r => r.PlanStepId);
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId);
        b.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Call>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PatientCallFlagConfiguration : IEntityTypeConfiguration<PatientCallFlag>
{
    public void Configure(EntityTypeBuilder<PatientCallFlag> b)
    {
        b.ToTable("PatientCallFlags");
        b.Property(f => f.PhoneIndex).HasMaxLength(128);
        b.Property(f => f.Reason).HasMaxLength(256);
        b.Property(f => f.ClearedBy).HasMaxLength(64);
        b.HasIndex(f => new { f.PatientId, f.ClearedAt });
        b.HasOne<Patient>().WithMany().HasForeignKey(f => f.PatientId);
    }
}

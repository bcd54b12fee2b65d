using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;
using Suifang.Core.Pathways;
using Suifang.Core.Patients;

namespace Suifang.Core.Plans;

internal sealed class FollowUpPlanConfiguration : IEntityTypeConfiguration<FollowUpPlan>
{
    public void Configure(EntityTypeBuilder<FollowUpPlan> b)
    {
        b.ToTable("Plans");
        b.Property(p => p.SmsTemplate).HasMaxLength(500);
        b.Property(p => p.CreatedBy).HasMaxLength(64);
        b.Property(p => p.ClosedReason).HasMaxLength(256);
        // Stored once per distinct text (PlanContent) and read by the plan page; no foreign key, whose index every
        // plan row would enter: the content row is written in the same transaction and never deleted.
        b.Ignore(p => p.MergeNotes);
        b.HasIndex(p => new { p.PatientId, p.Status });
        b.HasIndex(p => new { p.EncounterId });
        b.HasIndex(p => new { p.HospitalId, p.DepartmentId, p.Status, p.CreatedAt });
        // Open plans with later steps still to be made rows, by time (UpcomingSteps).
        b.HasIndex(p => p.LaterStepsFrom, "IX_Plans_LaterStepsFrom").HasFilter("\"LaterStepsFrom\" IS NOT NULL");
        b.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId);
        b.HasOne<Encounter>().WithMany().HasForeignKey(p => p.EncounterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campus>().WithMany().HasForeignKey(p => p.CampusId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Pathways).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanContentConfiguration : IEntityTypeConfiguration<PlanContent>
{
    public void Configure(EntityTypeBuilder<PlanContent> b)
    {
        b.Property(c => c.Hash).HasMaxLength(32);
        b.HasIndex(c => c.Hash);
    }
}

internal sealed class PlanPathwayConfiguration : IEntityTypeConfiguration<PlanPathway>
{
    public void Configure(EntityTypeBuilder<PlanPathway> b)
    {
        b.HasKey(x => new { x.PlanId, x.PathwayId });
        // A used pathway version cannot be deleted: the plans built from it still point at it.
        b.HasOne(x => x.Pathway).WithMany().HasForeignKey(x => x.PathwayId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PathwayId);
    }
}

internal sealed class PlanStepConfiguration : IEntityTypeConfiguration<PlanStep>
{
    public void Configure(EntityTypeBuilder<PlanStep> b)
    {
        b.Property(s => s.Title).HasMaxLength(128);
        b.Property(s => s.Label).HasMaxLength(32);
        b.Property(s => s.SourceNodeIds).HasMaxLength(256);
        b.Property(s => s.ScriptKey).HasMaxLength(64);
        b.OwnsMany(s => s.Questions, q => q.ToJson());
        b.OwnsMany(s => s.Triggers, t => t.ToJson());
        b.OwnsMany(s => s.Channels, c => c.ToJson());
        // One row per plan and order: a projected step is made a row at most once (UpcomingSteps), even by two processes.
        b.HasIndex(s => new { s.PlanId, s.Order }).IsUnique();
        b.Ignore(s => s.Content);
        // A step refers to its frozen node; a used pathway version cannot be deleted.
        b.HasOne(s => s.Node).WithMany().HasForeignKey(s => s.NodeId).OnDelete(DeleteBehavior.Restrict);
        // Waiting steps by time: the steps whose tasks are made when they come near (UpcomingSteps).
        b.HasIndex(s => s.DueFrom, "IX_PlanSteps_Waiting").HasFilter("\"Status\" = 0");
    }
}

internal sealed class PlanRuleConfiguration : IEntityTypeConfiguration<PlanRule>
{
    public void Configure(EntityTypeBuilder<PlanRule> b)
    {
        b.Property(r => r.Name).HasMaxLength(128);
        b.Property(r => r.DiagnosisCodes).HasMaxLength(512);
        b.Property(r => r.PathwayKey).HasMaxLength(64);
        b.HasIndex(r => new { r.HospitalId, r.Enabled });
        b.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

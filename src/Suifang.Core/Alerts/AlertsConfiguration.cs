using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;
using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

internal sealed class DutySettingsConfiguration : IEntityTypeConfiguration<DutySettings>
{
    public void Configure(EntityTypeBuilder<DutySettings> b)
    {
        b.HasKey(s => s.DepartmentId);
        b.Property(s => s.DepartmentId).ValueGeneratedNever();
        b.Property(s => s.HeadNurseUserId).HasMaxLength(64);
        b.Property(s => s.UpdatedBy).HasMaxLength(64);
        b.HasOne<Department>().WithOne().HasForeignKey<DutySettings>(s => s.DepartmentId);
    }
}

internal sealed class DutyShiftConfiguration : IEntityTypeConfiguration<DutyShift>
{
    public void Configure(EntityTypeBuilder<DutyShift> b)
    {
        b.Property(s => s.UserId).HasMaxLength(64);
        b.HasIndex(s => new { s.DepartmentId, s.Day });
        b.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId);
    }
}

internal sealed class DutyOverrideConfiguration : IEntityTypeConfiguration<DutyOverride>
{
    public void Configure(EntityTypeBuilder<DutyOverride> b)
    {
        b.Property(s => s.UserId).HasMaxLength(64);
        b.Property(s => s.Reason).HasMaxLength(200);
        b.Property(s => s.CreatedBy).HasMaxLength(64);
        b.HasIndex(s => new { s.DepartmentId, s.Date });
        b.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId);
    }
}

internal sealed class StaffMobileConfiguration : IEntityTypeConfiguration<StaffMobile>
{
    public void Configure(EntityTypeBuilder<StaffMobile> b)
    {
        b.HasKey(m => m.UserId);
        b.Property(m => m.UserId).HasMaxLength(64);
        b.Property(m => m.PhoneCipher).HasMaxLength(256);
        b.Property(m => m.PhoneMasked).HasMaxLength(32);
    }
}

internal sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> b)
    {
        b.Property(d => d.RecipientUserId).HasMaxLength(64);
        b.Property(d => d.Detail).HasMaxLength(300);
        b.HasIndex(d => d.TodoId);
        b.HasIndex(d => new { d.DepartmentId, d.At });
        b.HasOne<TodoItem>().WithMany().HasForeignKey(d => d.TodoId);
    }
}

internal sealed class AlertCursorConfiguration : IEntityTypeConfiguration<AlertCursor>
{
    public void Configure(EntityTypeBuilder<AlertCursor> b)
    {
        b.HasKey(c => c.Name);
        b.Property(c => c.Name).HasMaxLength(64);
    }
}

internal sealed class AlertRuleTuningConfiguration : IEntityTypeConfiguration<AlertRuleTuning>
{
    public void Configure(EntityTypeBuilder<AlertRuleTuning> b)
    {
        b.Property(t => t.RuleKey).HasMaxLength(128);
        b.Property(t => t.Reason).HasMaxLength(300);
        b.Property(t => t.ChangedBy).HasMaxLength(64);
        b.Property(t => t.Threshold).HasPrecision(10, 2);
        b.HasIndex(t => new { t.DepartmentId, t.RuleKey }).IsUnique();
        b.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId);
    }
}

internal sealed class PatientAlertMarkConfiguration : IEntityTypeConfiguration<PatientAlertMark>
{
    public void Configure(EntityTypeBuilder<PatientAlertMark> b)
    {
        b.Property(m => m.RuleKey).HasMaxLength(128);
        b.Property(m => m.Comparison).HasMaxLength(500);
        b.Property(m => m.ClearedBy).HasMaxLength(64);
        b.HasIndex(m => new { m.PatientId, m.ClearedAt });
        b.HasOne<Patients.Patient>().WithMany().HasForeignKey(m => m.PatientId);
    }
}

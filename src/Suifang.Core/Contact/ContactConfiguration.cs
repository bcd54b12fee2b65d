using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;
using Suifang.Core.Patients;

namespace Suifang.Core.Contact;

internal sealed class ContactSettingsConfiguration : IEntityTypeConfiguration<ContactSettings>
{
    public void Configure(EntityTypeBuilder<ContactSettings> b)
    {
        b.HasKey(s => s.HospitalId);
        b.Property(s => s.HospitalId).ValueGeneratedNever();
        b.PrimitiveCollection(s => s.CallingHours);
        b.Property(s => s.QuietPeriods).HasMaxLength(256);
        b.Property(s => s.SmsQuietHours).HasMaxLength(32);
        b.Property(s => s.CallerNumber).HasMaxLength(32);
        b.Property(s => s.UpdatedBy).HasMaxLength(64);
        b.HasOne<Hospital>().WithOne().HasForeignKey<ContactSettings>(s => s.HospitalId);
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> b)
    {
        b.Property(h => h.Name).HasMaxLength(32);
        b.HasIndex(h => new { h.HospitalId, h.Date }).IsUnique();
        b.HasOne<Hospital>().WithMany().HasForeignKey(h => h.HospitalId);
    }
}

internal sealed class DoNotContactEntryConfiguration : IEntityTypeConfiguration<DoNotContactEntry>
{
    public void Configure(EntityTypeBuilder<DoNotContactEntry> b)
    {
        b.ToTable("DoNotContact");
        b.Property(d => d.PhoneIndex).HasMaxLength(64);
        b.Property(d => d.PhoneMasked).HasMaxLength(32);
        b.Property(d => d.Reason).HasMaxLength(256);
        b.Property(d => d.AddedBy).HasMaxLength(64);
        b.Property(d => d.RemovedBy).HasMaxLength(64);
        b.Property(d => d.RemovedReason).HasMaxLength(256);
        b.Ignore(d => d.IsActive);
        b.HasIndex(d => new { d.PatientId, d.RemovedAt });
        b.HasIndex(d => new { d.HospitalId, d.PhoneIndex, d.RemovedAt });
        b.HasOne<Hospital>().WithMany().HasForeignKey(d => d.HospitalId);
        b.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId);
    }
}

internal sealed class FollowUpConsentConfiguration : IEntityTypeConfiguration<FollowUpConsent>
{
    public void Configure(EntityTypeBuilder<FollowUpConsent> b)
    {
        b.ToTable("Consents");
        b.Property(c => c.RecordedBy).HasMaxLength(64);
        b.Property(c => c.RecordedById).HasMaxLength(64);
        b.Property(c => c.Note).HasMaxLength(256);
        b.HasIndex(c => new { c.PatientId, c.RecordedAt });
        b.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;
using Suifang.Core.Patients;

namespace Suifang.Core.Sms;

internal sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> b)
    {
        b.ToTable("SmsMessages");
        b.Property(m => m.PhoneCipher).HasMaxLength(256);
        b.Property(m => m.PhoneMasked).HasMaxLength(32);
        b.Property(m => m.RecipientUserId).HasMaxLength(64);
        b.Property(m => m.Text).HasMaxLength(1000);
        b.Property(m => m.TemplateCode).HasMaxLength(64);
        // AES-GCM of up to 1000 characters (3 bytes each in UTF-8), base64: about 4 100 characters.
        b.Property(m => m.TextCipher).HasMaxLength(4200);
        b.Property(m => m.ParametersCipher).HasMaxLength(4200);
        b.Property(m => m.EffectKey).HasMaxLength(200);
        b.Property(m => m.Detail).HasMaxLength(256);
        b.Property(m => m.Provider).HasMaxLength(32);
        b.Property(m => m.ProviderMessageId).HasMaxLength(128);
        b.Property(m => m.CreatedBy).HasMaxLength(64);
        b.HasIndex(m => new { m.HospitalId, m.EffectKey }).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.PatientId, m.Purpose, m.CreatedAt });
        b.HasIndex(m => new { m.HospitalId, m.CreatedAt });
        b.HasIndex(m => m.BatchId);
        b.HasMany(m => m.History).WithOne().HasForeignKey(h => h.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Hospital>().WithMany().HasForeignKey(m => m.HospitalId);
        b.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId);
    }
}

internal sealed class SmsStatusChangeConfiguration : IEntityTypeConfiguration<SmsStatusChange>
{
    public void Configure(EntityTypeBuilder<SmsStatusChange> b)
    {
        b.ToTable("SmsStatusChanges");
        b.Property(h => h.Detail).HasMaxLength(256);
        b.HasIndex(h => h.MessageId);
    }
}

internal sealed class SmsTemplateConfiguration : IEntityTypeConfiguration<SmsTemplate>
{
    public void Configure(EntityTypeBuilder<SmsTemplate> b)
    {
        b.ToTable("SmsTemplates");
        b.Property(t => t.Name).HasMaxLength(64);
        b.Property(t => t.Text).HasMaxLength(500);
        b.Property(t => t.ProviderCode).HasMaxLength(64);
        b.Property(t => t.UpdatedBy).HasMaxLength(64);
        b.HasIndex(t => new { t.HospitalId, t.Name }).IsUnique();
        b.HasOne<Hospital>().WithMany().HasForeignKey(t => t.HospitalId);
    }
}

internal sealed class SmsBatchConfiguration : IEntityTypeConfiguration<SmsBatch>
{
    public void Configure(EntityTypeBuilder<SmsBatch> b)
    {
        b.ToTable("SmsBatches");
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.FilterSummary).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(64);
        b.HasIndex(x => new { x.HospitalId, x.CreatedAt });
        b.HasOne<Hospital>().WithMany().HasForeignKey(x => x.HospitalId);
    }
}

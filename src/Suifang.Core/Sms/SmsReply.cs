using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Patients;

namespace Suifang.Core.Sms;

/// 收件箱: one reply from a patient's phone, matched to the patient by the number's search index. The number is kept
/// encrypted and masked as everywhere else; DedupeKey makes a reply pushed twice (or pushed and pulled) one row.
public sealed class SmsReply
{
    public long Id { get; set; }

    /// Null when no patient of any hospital has this number (kept for the administrators, see the inbox).
    public int? HospitalId { get; set; }
    public long? PatientId { get; set; }
    public int? DepartmentId { get; set; }

    /// The last message sent to this patient before the reply (what the patient most likely answers).
    public long? MessageId { get; set; }
    public required string Provider { get; set; }
    public string PhoneCipher { get; set; } = "";
    public string PhoneIndex { get; set; } = "";
    public string PhoneMasked { get; set; } = "";
    public required string Text { get; set; }
    public string? SignName { get; set; }
    public string? ExtendCode { get; set; }
    public SmsReplyKind Kind { get; set; }

    /// What the platform did with it, in plain words (退订已生效, 已生成待办, 未找到患者).
    public string Outcome { get; set; } = "";
    public long? TodoId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string DedupeKey { get; set; }
}

internal sealed class SmsReplyConfiguration : IEntityTypeConfiguration<SmsReply>
{
    public void Configure(EntityTypeBuilder<SmsReply> b)
    {
        b.ToTable("SmsReplies");
        b.Property(r => r.Provider).HasMaxLength(32);
        b.Property(r => r.PhoneCipher).HasMaxLength(256);
        b.Property(r => r.PhoneIndex).HasMaxLength(64);
        b.Property(r => r.PhoneMasked).HasMaxLength(32);
        b.Property(r => r.Text).HasMaxLength(500);
        b.Property(r => r.SignName).HasMaxLength(64);
        b.Property(r => r.ExtendCode).HasMaxLength(32);
        b.Property(r => r.Outcome).HasMaxLength(256);
        b.Property(r => r.DedupeKey).HasMaxLength(64);
        b.HasIndex(r => r.DedupeKey).IsUnique();
        b.HasIndex(r => new { r.HospitalId, r.ReceivedAt });
        b.HasIndex(r => new { r.PatientId, r.ReceivedAt });
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId);
    }
}

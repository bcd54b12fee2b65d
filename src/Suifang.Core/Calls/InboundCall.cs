using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;

namespace Suifang.Core.Calls;

/// What an incoming call (呼入) led to.
public enum InboundResult
{
    /// The agent recognised the number and continued the pending follow-up (CallId is that call).
    Continued = 1,
    /// A patient of this number, but no open AI-call follow-up: polite answer, a to-do for a nurse.
    NothingPending = 2,
    /// No patient has this number: polite answer; a nurse calls back (listed on the calls page).
    UnknownNumber = 3,
    /// The patient's follow-up is being carried out right now (another line is calling them): polite answer only.
    Busy = 4,
    /// The caller withheld the number.
    Withheld = 5,
}

/// 呼入记录: every call the hospital's line took, whatever came of it. The number is stored like the patients' numbers
/// (encrypted, keyed index, masked). An unknown number's row is the nurse's to-do until HandledAt is set.
public sealed class InboundCall
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string NumberCipher { get; set; } = "";
    public string NumberIndex { get; set; } = "";
    public string NumberMasked { get; set; } = "";
    public InboundResult Result { get; set; }

    /// The patient the call was for (the one whose follow-up continued, or the first patient of the number).
    public long? PatientId { get; set; }

    /// The follow-up call (Call.Inbound) when one was continued.
    public long? CallId { get; set; }
    public long? TaskId { get; set; }
    public string Line { get; set; } = "";
    public string? Note { get; set; }
    public DateTime? HandledAt { get; set; }
    public string? HandledBy { get; set; }
}

internal sealed class InboundCallConfiguration : IEntityTypeConfiguration<InboundCall>
{
    public void Configure(EntityTypeBuilder<InboundCall> b)
    {
        b.ToTable("InboundCalls");
        b.Property(c => c.NumberIndex).HasMaxLength(128);
        b.Property(c => c.NumberMasked).HasMaxLength(32);
        b.Property(c => c.Line).HasMaxLength(128);
        b.Property(c => c.Note).HasMaxLength(500);
        b.Property(c => c.HandledBy).HasMaxLength(64);
        b.HasIndex(c => new { c.HospitalId, c.ReceivedAt });
        b.HasIndex(c => c.NumberIndex);
        b.HasOne<Hospital>().WithMany().HasForeignKey(c => c.HospitalId).OnDelete(DeleteBehavior.Restrict);
    }
}

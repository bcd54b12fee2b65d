using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Calls;

/// The marks that keep the AI from calling a patient: deceased, uncooperative, or this number known to be wrong.
public static class CallFlags
{
    /// The reason the AI must not call this patient at this number, or null.
    public static async Task<string?> BlockingAsync(SuifangDbContext db, long patientId, string phoneIndex, CancellationToken ct)
    {
        var flag = await db.PatientCallFlags.AsNoTracking()
            .Where(f => f.PatientId == patientId && f.ClearedAt == null
                && (f.Kind != CallFlagKind.WrongNumber || f.PhoneIndex == phoneIndex))
            .OrderByDescending(f => f.Kind).FirstOrDefaultAsync(ct);
        return flag is null ? null : $"{CallText.Flag(flag.Kind)}：{flag.Reason}";
    }

    /// The patient's marks not cleared by a nurse, by kind (the reason of each); a wrong-number mark counts only while
    /// the patient still has that number.
    public static async Task<ActiveFlags> ActiveAsync(SuifangDbContext db, long patientId, CancellationToken ct)
    {
        var flags = await db.PatientCallFlags.AsNoTracking().Where(f => f.PatientId == patientId && f.ClearedAt == null)
            .Select(f => new { f.Kind, f.PhoneIndex, f.Reason }).ToListAsync(ct);
        if (flags.Count == 0)
            return ActiveFlags.None;
        var phone = await db.Patients.AsNoTracking().IgnoreQueryFilters().Where(p => p.Id == patientId).Select(p => p.PhoneIndex).FirstOrDefaultAsync(ct);
        string? Of(CallFlagKind kind) => flags.FirstOrDefault(f => f.Kind == kind && (kind != CallFlagKind.WrongNumber || f.PhoneIndex == phone))?.Reason;
        return new ActiveFlags(Of(CallFlagKind.Deceased), Of(CallFlagKind.WrongNumber), Of(CallFlagKind.Uncooperative));
    }
}

public sealed record ActiveFlags(string? Deceased, string? WrongNumber, string? Uncooperative)
{
    public static readonly ActiveFlags None = new(null, null, null);
}

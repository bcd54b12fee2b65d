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
    public static async Task<ActiveFlags> ActiveAsync(SuifangDbContext db, long patientId, CancellationToken ct) =>
        (await ActiveForAsync(db, [patientId], ct)).GetValueOrDefault(patientId, ActiveFlags.None);

    /// ActiveAsync for many patients at once (two queries for all); patients without marks are left out.
    public static async Task<Dictionary<long, ActiveFlags>> ActiveForAsync(SuifangDbContext db, IReadOnlyCollection<long> patientIds, CancellationToken ct)
    {
        var ids = patientIds as List<long> ?? patientIds.ToList();
        var flags = (await db.PatientCallFlags.AsNoTracking().Where(f => EF.Parameter(ids).Contains(f.PatientId) && f.ClearedAt == null)
            .Select(f => new { f.PatientId, f.Kind, f.PhoneIndex, f.Reason }).ToListAsync(ct)).ToLookup(f => f.PatientId);
        if (flags.Count == 0)
            return [];
        var flagged = flags.Select(g => g.Key).ToList();
        var phones = await db.Patients.AsNoTracking().IgnoreQueryFilters().Where(p => EF.Parameter(flagged).Contains(p.Id))
            .Select(p => new { p.Id, p.PhoneIndex }).ToDictionaryAsync(p => p.Id, p => p.PhoneIndex, ct);
        var active = new Dictionary<long, ActiveFlags>(flags.Count);
        foreach (var own in flags)
        {
            var phone = phones.GetValueOrDefault(own.Key);
            string? Of(CallFlagKind kind) => own.FirstOrDefault(f => f.Kind == kind && (kind != CallFlagKind.WrongNumber || f.PhoneIndex == phone))?.Reason;
            active[own.Key] = new ActiveFlags(Of(CallFlagKind.Deceased), Of(CallFlagKind.WrongNumber), Of(CallFlagKind.Uncooperative));
        }
        return active;
    }
}

public sealed record ActiveFlags(string? Deceased, string? WrongNumber, string? Uncooperative)
{
    public static readonly ActiveFlags None = new(null, null, null);
}

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
}

using Microsoft.EntityFrameworkCore;
using Suifang.Agent.Dialogue;
using Suifang.Core.Data;
using Suifang.Core.Calls;

namespace Suifang.Integrations.Calls;

/// 跨次记忆 (7.3.2): a patient's earlier answers, from every channel, as the next conversation's memory.
internal static class CallMemories
{
    /// How many recent answers a call remembers.
    public const int Remembered = 60;

    public static async Task<CallMemory> LoadAsync(SuifangDbContext db, long patientId, CancellationToken ct)
    {
        var rows = await db.FollowUpResults.AsNoTracking().Where(r => r.PatientId == patientId)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(Remembered)
            .Select(r => new { r.QuestionKey, r.Value, r.Said, r.At, r.Period }).ToListAsync(ct);
        if (rows.Count == 0)
            return CallMemory.Empty;
        rows.Reverse(); // oldest first
        return new CallMemory(rows.Select(r => new RememberedAnswer(r.QuestionKey, r.Value, r.Said, r.At, r.Period)).ToList());
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Quality;

/// Loads what the automatic checks read — the call, its transcript, its script version, its answers and the answers
/// of its follow-up period given before it — and runs them.
public static class CheckCall
{
    public static async Task<List<QualityFinding>> RunAsync(SuifangDbContext db, long callId, IReadOnlyList<ForbiddenRule> forbidden, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, ct);
        var turns = await db.CallTurns.AsNoTracking().Where(t => t.CallId == callId).OrderBy(t => t.Index).ToListAsync(ct);
        var json = await db.Scripts.AsNoTracking()
            .Where(s => s.HospitalId == call.HospitalId && s.Key == call.ScriptKey && s.Version == call.ScriptVersion)
            .Select(s => s.Json).FirstOrDefaultAsync(ct);
        // A script made from the step's questions ("generated:…") has no stored version: its questions are not checked.
        var script = json is null ? new ScriptOutline("", "", []) : ScriptOutline.Parse(json);
        var answers = (await db.FollowUpResults.AsNoTracking().Where(r => r.CallId == callId)
            .Select(r => new { r.QuestionKey, r.Value }).ToListAsync(ct))
            .GroupBy(r => r.QuestionKey).ToDictionary(g => g.Key, g => g.Last().Value);
        var before = call.PlanStepId is { } step
            ? (await db.FollowUpResults.AsNoTracking()
                .Where(r => r.PlanStepId == step && r.CallId != callId && r.At <= call.StartedAt)
                .Select(r => r.QuestionKey).ToListAsync(ct)).ToHashSet()
            : [];
        return QualityChecker.Check(script, turns, call.End, answers, before, forbidden);
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

/// Reads new follow-up results (any channel: AI call, questionnaire, SMS, manual) by id and raises critical-value
/// to-dos for values the patient stated (7.2.5.1 a) and trend to-dos for values worsening across consecutive
/// follow-ups (7.2.5.1 b). Each to-do names the result that raised it (SourceResultId), so reading a result twice
/// (after a restart, or in the look-back that catches results committed out of id order) raises nothing twice.
public sealed class ResultAlerts(Func<SuifangDbContext> newContext, IReadOnlyDictionary<string, CriticalLimit> limits,
    IReadOnlyList<TrendRule> trendRules, Func<DateTime> now)
{
    public const string CursorName = "follow-up-results";
    public const string Source = "alerts";
    public const int BatchSize = 200;

    /// Results are re-read this many ids back: a transaction that took an id earlier may commit after a later one.
    public const int LookBack = 50;

    private readonly HashSet<long> _done = [];

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var db = newContext();
        var cursor = await db.AlertCursors.FirstOrDefaultAsync(c => c.Name == CursorName, ct);
        if (cursor is null)
        {
            cursor = new AlertCursor { Name = CursorName };
            db.AlertCursors.Add(cursor);
        }
        var keys = limits.Keys.Concat(trendRules.Select(r => r.Key)).Distinct().ToList();
        var from = cursor.LastId - LookBack;
        var max = await db.FollowUpResults.MaxAsync(r => (long?)r.Id, ct) ?? 0;
        var results = await db.FollowUpResults.AsNoTracking().Where(r => r.Id > from && r.Id <= max && keys.Contains(r.QuestionKey))
            .OrderBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
        var last = results.Count == BatchSize ? results[^1].Id : max;
        var raised = 0;
        foreach (var result in results.Where(r => !_done.Contains(r.Id)))
            raised += await RaiseAsync(db, result, ct);
        if (last > cursor.LastId)
        {
            cursor.LastId = last;
            cursor.UpdatedAt = now();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node created the cursor at the same moment; the next round reads it again.
            return 0;
        }
        _done.RemoveWhere(id => id <= last - LookBack);
        _done.UnionWith(results.Select(r => r.Id));
        return raised;
    }

    private async Task<int> RaiseAsync(SuifangDbContext db, FollowUpResult result, CancellationToken ct)
    {
        if (await db.Todos.AnyAsync(t => t.SourceResultId == result.Id, ct) || db.Todos.Local.Any(t => t.SourceResultId == result.Id))
            return 0;
        var raised = 0;
        if (CriticalValues.Evaluate(limits, result.QuestionKey, result.Value) is { } critical)
        {
            db.Todos.Add(Todo(result, TodoKind.CriticalValue, TodoUrgency.Critical, critical.Reason, critical.RuleKey, null));
            raised++;
        }
        if (trendRules.FirstOrDefault(r => r.Key == result.QuestionKey) is { } rule && await TrendAsync(db, result, rule, ct) is { } trend)
        {
            var todo = Todo(result, TodoKind.Trend, TodoUrgency.Normal, trend.Reason, rule.RuleKey, trend.Comparison);
            db.Todos.Add(todo);
            db.PatientAlertMarks.Add(new PatientAlertMark
            {
                HospitalId = result.HospitalId, DepartmentId = result.DepartmentId, PatientId = result.PatientId,
                RuleKey = rule.RuleKey, Comparison = trend.Comparison, At = now(),
            });
            raised++;
        }
        return raised;
    }

    private async Task<TrendFinding?> TrendAsync(SuifangDbContext db, FollowUpResult result, TrendRule rule, CancellationToken ct)
    {
        // One open trend to-do per patient and rule: later results of the same trend do not pile up.
        if (db.Todos.Local.Any(t => t.PatientId == result.PatientId && t.RuleKey == rule.RuleKey)
            || await db.Todos.AnyAsync(t => t.PatientId == result.PatientId && t.RuleKey == rule.RuleKey && t.Status == TodoStatus.Open, ct))
            return null;
        var tuned = AlertTuning.Find(await AlertTuning.ForDepartmentAsync(db, result.DepartmentId, ct), rule.RuleKey);
        var applied = tuned?.Threshold is { } threshold ? rule with { MinTotalChange = threshold } : rule;
        var series = await db.FollowUpResults.AsNoTracking()
            .Where(r => r.PatientId == result.PatientId && r.QuestionKey == rule.Key && r.Id <= result.Id)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(applied.Points * 2)
            .Select(r => new Measurement(r.At, r.Value, null)).ToListAsync(ct);
        return TrendDetector.Evaluate(applied, series);
    }

    private TodoItem Todo(FollowUpResult r, TodoKind kind, TodoUrgency urgency, string reason, string ruleKey, string? comparison) => new()
    {
        HospitalId = r.HospitalId, DepartmentId = r.DepartmentId, PatientId = r.PatientId, PlanStepId = r.PlanStepId,
        Kind = kind, Urgency = urgency, Reason = Clip(reason, 500), Evidence = Clip(r.Said, 1000), CallId = r.CallId,
        TurnIndex = r.TurnIndex, QuestionKey = r.QuestionKey, Source = FollowUpResult.SourceName(r.Source), CreatedAt = now(),
        RuleKey = ruleKey, Comparison = comparison, SourceResultId = r.Id,
    };

    private static string Clip(string s, int n) => s.Length > n ? s[..n] : s;
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;

namespace Suifang.Core.Todos;

/// 未接通待办 (7.2.4.1 a, 5.1.6): a plan step whose every redial and every fallback channel ended without reaching the
/// patient gets one Unreached to-do, with each attempt's reason as evidence. Once per step: a second call for the
/// same step (a manual retry that fails again) adds nothing while one exists.
public static class UnreachedTodos
{
    public const string RuleKey = "unreached";
    public const string Source = "task";

    /// Adds the to-do unless the step has one; `last` is the task that closed the step (tracked, maybe unsaved).
    public static async Task<TodoItem?> AddAsync(SuifangDbContext db, PlanStep step, FollowUpTask last, DateTime now, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries<TodoItem>().Any(e => e.State == EntityState.Added && e.Entity.PlanStepId == step.Id && e.Entity.Kind == TodoKind.Unreached)
            || await db.Todos.AnyAsync(t => t.PlanStepId == step.Id && t.Kind == TodoKind.Unreached, ct))
            return null;
        var tasks = await db.Tasks.Include(t => t.AttemptLog).Where(t => t.PlanStepId == step.Id).ToListAsync(ct);
        if (!tasks.Contains(last))
            tasks.Add(last);
        var todo = new TodoItem
        {
            HospitalId = last.HospitalId,
            DepartmentId = last.DepartmentId,
            PatientId = last.PatientId,
            PlanStepId = step.Id,
            Kind = TodoKind.Unreached,
            Urgency = TodoUrgency.Normal,
            Reason = Clip($"{step.Title}（{step.Label}）：重拨和备用渠道都已用完，仍未联系上患者，请人工联系", 500),
            Evidence = Clip(Evidence(tasks), 1000),
            Source = Source,
            RuleKey = RuleKey,
            CreatedAt = now,
        };
        db.Todos.Add(todo);
        return todo;
    }

    /// "AI 电话：无人接听、占线、关机；问卷链接：到期未回复" — every attempt's reason in order, channel by channel.
    public static string Evidence(IEnumerable<FollowUpTask> tasks)
    {
        var parts = new List<string>();
        foreach (var t in tasks.Where(t => t.State is TaskState.Unreached or TaskState.Failed).OrderBy(t => t.ChannelIndex).ThenBy(t => t.CreatedAt))
        {
            var reasons = t.AttemptLog.OrderBy(a => a.Number).Select(a => a.FailureReason).OfType<string>()
                .Where(r => r.Length > 0).ToList();
            if (reasons.Count == 0 || (t.LastFailureReason is { } last && reasons[^1] != last))
                reasons.Add(t.LastFailureReason ?? t.Outcome ?? "未接通");
            parts.Add($"{PathwayText.Channel(t.Channel)}：{string.Join("、", reasons)}");
        }
        return parts.Count == 0 ? "未接通" : string.Join("；", parts);
    }

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

/// 规则调整 applied to a new to-do (7.2.5): a muted rule key closes it at once with the reason (it never alerts); an
/// urgency change moves it up or down. The exact key wins over a prefix ("trigger:PCI-D7:*").
public static class AlertTuning
{
    public const string SystemUser = "系统";

    public static async Task<List<AlertRuleTuning>> ForDepartmentAsync(SuifangDbContext db, int departmentId, CancellationToken ct) =>
        await db.AlertRuleTunings.AsNoTracking().Where(t => t.DepartmentId == departmentId).ToListAsync(ct);

    public static AlertRuleTuning? Find(IEnumerable<AlertRuleTuning> tunings, string? ruleKey) =>
        tunings.Where(t => t.Matches(ruleKey)).OrderBy(t => t.RuleKey.EndsWith('*')).ThenByDescending(t => t.RuleKey.Length).FirstOrDefault();

    /// Applies the department's tuning; true when the rule is muted and the to-do was closed.
    public static bool Apply(TodoItem todo, IReadOnlyList<AlertRuleTuning> tunings, DateTime now)
    {
        if (Find(tunings, todo.RuleKey) is not { } tuning)
            return false;
        if (tuning.Muted && !IsAlwaysAlerted(todo.RuleKey))
        {
            todo.Status = TodoStatus.Closed;
            todo.ClosedAt = now;
            todo.ClosedBy = SystemUser;
            todo.ClosedAction = TodoAction.NoActionNeeded;
            todo.ClosedNote = Clip($"本科室已静默此规则：{tuning.Reason}（{tuning.ChangedBy} 于 {tuning.ChangedAt:yyyy-MM-dd} 设置）");
            return true;
        }
        if (tuning.Urgency is { } urgency && !IsAlwaysAlerted(todo.RuleKey))
            todo.Urgency = urgency;
        return false;
    }

    /// Critical values (危急值) always alert at once: they can be neither muted nor lowered.
    public static bool IsAlwaysAlerted(string? ruleKey) => ruleKey?.StartsWith("critical:", StringComparison.Ordinal) == true;

    private static string Clip(string s) => s.Length > 500 ? s[..500] : s;
}

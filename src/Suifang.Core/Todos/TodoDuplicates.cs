using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Todos;

/// One finding, one to-do: when two channels of the same follow-up step report the same abnormal answer (a late
/// questionnaire and the phone reminder that ran meanwhile), the second does not add a to-do while the first is open.
/// A more urgent second report raises the open one's urgency and adds its evidence.
public static class TodoDuplicates
{
    public static async Task<List<TodoItem>> WithoutOpenAsync(SuifangDbContext db, IReadOnlyList<TodoItem> todos, CancellationToken ct)
    {
        var keyed = todos.Where(IsKeyed).ToList();
        if (keyed.Count == 0)
            return todos.ToList();
        var steps = keyed.Select(t => t.PlanStepId!.Value).Distinct().ToList();
        var open = await db.Todos.Where(t => t.Status == TodoStatus.Open && t.Kind == TodoKind.Abnormal
                && t.PlanStepId != null && steps.Contains(t.PlanStepId.Value) && t.QuestionKey != null)
            .ToListAsync(ct);
        var kept = new List<TodoItem>();
        foreach (var todo in todos)
        {
            var same = IsKeyed(todo)
                ? open.FirstOrDefault(o => o.PlanStepId == todo.PlanStepId && o.QuestionKey == todo.QuestionKey && o.PatientId == todo.PatientId)
                : null;
            if (same is null)
            {
                kept.Add(todo);
                if (IsKeyed(todo))
                    open.Add(todo);
                continue;
            }
            if (todo.Urgency > same.Urgency)
                same.Urgency = todo.Urgency;
            var evidence = $"{same.Evidence}；另据{SourceName(todo.Source)}：{todo.Evidence}";
            same.Evidence = evidence.Length > 1000 ? evidence[..1000] : evidence;
        }
        return kept;
    }

    private static bool IsKeyed(TodoItem t) => t.Kind == TodoKind.Abnormal && t.PlanStepId is not null && t.QuestionKey is not null;

    private static string SourceName(string source) => source switch
    {
        "ai-call" => "AI 电话",
        "questionnaire" => "问卷",
        "manual" => "人工随访",
        "sms" => "短信",
        _ => source,
    };
}

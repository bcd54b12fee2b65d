namespace Suifang.Core.Tasks.Engine;

/// 科室份额 (7.2.2.2 d): a department holds at most its share of the lines while other departments' tasks wait; when
/// no one else waits it may use the free lines. In emergency mode Critical tasks are not held back by shares.
public static class LineShares
{
    /// Picks in order up to take; candidates of a department at its cap are held back. holding (busy lines per
    /// department) is updated with the picks.
    public static (List<TaskCandidate> Picked, List<TaskCandidate> HeldBack) Apply(TaskQueueSetting queue,
        IEnumerable<TaskCandidate> ordered, Dictionary<int, int> holding, int take)
    {
        var picked = new List<TaskCandidate>();
        var heldBack = new List<TaskCandidate>();
        foreach (var c in ordered)
        {
            if (picked.Count == take)
                break;
            var has = holding.GetValueOrDefault(c.DepartmentId);
            var critical = queue.EmergencyMode && c.Priority >= TaskPriority.Critical;
            if (queue.CapFor(c.DepartmentId) is { } cap && has >= cap && !critical)
            {
                heldBack.Add(c);
                continue;
            }
            picked.Add(c);
            holding[c.DepartmentId] = has + 1;
        }
        return (picked, heldBack);
    }
}

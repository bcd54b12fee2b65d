namespace Suifang.Agent.Scripts;

/// <summary>
/// One pathway node asks some of its script's questions (a discharge script holds every question of its pathway;
/// the day-3 call asks the day-3 ones). Selecting keeps the script's order and wording.
/// </summary>
public static class ScriptSelection
{
    /// <summary>
    /// The script with only the questions whose keys are in <paramref name="questionKeys"/>, in the script's order.
    /// A branch that went to a dropped question goes to the next kept question instead (or "closing").
    /// </summary>
    public static Script Only(this Script script, IEnumerable<string> questionKeys)
    {
        var wanted = questionKeys.ToHashSet(StringComparer.Ordinal);
        var all = script.Questions;
        var kept = all.Where(q => wanted.Contains(q.Key)).ToList();
        var keptKeys = kept.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);

        string? Redirect(string? target)
        {
            if (target is null || keptKeys.Contains(target) || target == ScriptChecker.Closing)
                return target;
            var index = all.ToList().FindIndex(q => q.Key == target);
            if (index < 0)
                return target;
            return all.Skip(index + 1).FirstOrDefault(q => keptKeys.Contains(q.Key))?.Key ?? ScriptChecker.Closing;
        }

        return script with
        {
            Questions = kept.Select(q => q with { Branches = q.Branches.Select(b => b with { Goto = Redirect(b.Goto) }).ToList() }).ToList(),
        };
    }
}

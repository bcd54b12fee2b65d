using Suifang.Core.Pathways;

namespace Suifang.Core.Plans.BuildPlan;

/// The checks every plan passes before it is saved (7.2.1.2 c 规划一致性: no duplicate, looping, conflicting or
/// useless tasks). Each finding is refused, merged, shifted or skipped, with a message in plain Chinese.
internal static class PlanChecks
{
    public static string? RefuseBeforeBuilding(PlanRequest r)
    {
        if (r.Patient.DoNotContactReason is { } why)
            return $"患者{r.Patient.Name}不能联系（{why}），不创建随访计划。";
        if (r.Pathways.Count == 0)
            return "没有可用的随访路径：请选择一条已发布的路径，或检查计划规则指向的路径是否已发布。";
        var taken = r.Pathways.Where(p => r.Patient.OpenPlans.Contains((r.Encounter.Id, p.Key))).ToList();
        if (taken.Count > 0)
            return $"患者{r.Patient.Name}本次就诊已有进行中的{PlanWords.Names(taken)}随访计划，不重复创建。如需重新安排，请先在计划页取消原计划。";
        return null;
    }

    /// Two steps with a call on the same calendar day become one (a patient is called at most once a day by one plan).
    public static List<StepDraft> MergeSameDayCalls(List<StepDraft> drafts, List<string> notes)
    {
        StepDraft.SortByFrom(drafts);
        var result = new List<StepDraft>(drafts.Count);
        foreach (var d in drafts)
        {
            var prev = result.Count > 0 ? result[^1] : null;
            if (prev is not null && prev.HasCall && d.HasCall && prev.From.Date == d.From.Date)
            {
                var merged = StepMerger.Merge([.. prev.Nodes, .. d.Nodes], notes);
                merged.PreviewOrder = prev.PreviewOrder;
                notes.Add($"{prev.Name}和{d.Name}都在 {d.From:yyyy-MM-dd} 打电话，同一天给同一位患者打两次电话会打扰患者，已合并为一次。");
                result[^1] = merged;
            }
            else
                result.Add(d);
        }
        return result;
    }

    /// A patient without any phone number cannot get AI calls or SMS: those channels are removed (manual follow-up
    /// stays); a step with nothing left is skipped.
    public static void RequireUsableChannel(List<StepDraft> drafts, PlanRequest r, List<PlanIssue> issues)
    {
        if (r.Patient.HasPhone)
            return;
        foreach (var d in drafts.ToList())
        {
            var before = d.Channels.Count;
            d.Channels = d.Channels.Where(c => c.Kind == ChannelKind.Manual).ToList();
            if (d.Channels.Count == 0)
            {
                drafts.Remove(d);
                issues.Add(new(PlanIssueKind.Skipped, $"{d.Name}：患者没有登记电话，AI 电话、短信都无法进行，这一步也没有人工随访，已跳过。请在患者档案中补充电话后重新创建。"));
            }
            else if (d.Channels.Count < before)
                issues.Add(new(PlanIssueKind.Changed, $"{d.Name}：患者没有登记电话，AI 电话和短信无法进行，只保留人工随访。"));
        }
    }

    /// Steps whose window has closed before the plan starts are skipped.
    public static void SkipPast(List<StepDraft> drafts, DateTime start, List<PlanIssue> issues)
    {
        if (!drafts.Exists(d => d.To < start))
            return;
        foreach (var d in drafts.Where(d => d.To < start).ToList())
        {
            drafts.Remove(d);
            issues.Add(new(PlanIssueKind.Skipped, $"{d.Name}的时间窗口（{d.From:yyyy-MM-dd}～{d.To:yyyy-MM-dd}）在计划开始前已过，已跳过。"));
        }
    }

    /// A step calling on a day another plan already calls the patient moves to the next free day of its window,
    /// or is skipped when the whole window is taken.
    public static void AvoidOtherPlansCallDays(List<StepDraft> drafts, PlanRequest r, List<PlanIssue> issues)
    {
        if (r.Patient.CallDays.Count == 0)
            return;
        foreach (var d in drafts.Where(d => d.HasCall && r.Patient.CallDays.Contains(DateOnly.FromDateTime(d.From))).ToList())
        {
            var shift = 1;
            while (d.From.AddDays(shift).Date <= d.To.Date && r.Patient.CallDays.Contains(DateOnly.FromDateTime(d.From.AddDays(shift))))
                shift++;
            if (d.From.AddDays(shift).Date <= d.To.Date)
            {
                var from = d.From;
                d.From = d.From.AddDays(shift);
                if (d.To < d.From)
                    d.To = d.From;
                issues.Add(new(PlanIssueKind.Shifted, $"{d.Name}：患者在 {from:yyyy-MM-dd} 已有其他随访计划的电话，同一天不打两次，已顺延到 {d.From:yyyy-MM-dd}（仍在时间窗口内）。"));
            }
            else
            {
                drafts.Remove(d);
                issues.Add(new(PlanIssueKind.Skipped, $"{d.Name}：时间窗口内（{d.From:yyyy-MM-dd}～{d.To:yyyy-MM-dd}）每天都已有其他计划的电话，已跳过；其他计划的电话会问到患者近况，如需补问请手工安排。"));
            }
        }
    }

    /// The same channel twice in one step would make two tasks for one follow-up: merged into one.
    public static void MergeDuplicateChannels(List<StepDraft> drafts, List<PlanIssue> issues)
    {
        foreach (var d in drafts)
        {
            if (!HasRepeatedKind(d.Channels))
                continue;
            var dup = d.Channels.GroupBy(c => c.Kind).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (dup.Count == 0)
                continue;
            d.Channels = d.Channels.GroupBy(c => c.Kind).Select(g => new ChannelStep
            {
                Kind = g.Key,
                Redials = g.Max(c => c.Redials),
                RedialIntervalMinutes = g.Min(c => c.RedialIntervalMinutes),
                FallbackAfterHours = g.Min(c => c.FallbackAfterHours),
            }).ToList();
            issues.Add(new(PlanIssueKind.Merged, $"{d.Name}：联系方式中{string.Join("、", dup.Select(PlanWords.Of))}重复出现，会产生重复任务，已合并为一个。"));
        }
    }

    private static bool HasRepeatedKind(List<ChannelStep> channels)
    {
        for (var i = 1; i < channels.Count; i++)
            for (var j = 0; j < i; j++)
                if (channels[i].Kind == channels[j].Kind)
                    return true;
        return false;
    }

    /// The steps in a dependency loop (step i waits for DependsOn[i]), or null when there is none.
    public static List<int>? FindCycle(IReadOnlyList<int?> dependsOn)
    {
        var seen = new List<int>(dependsOn.Count);
        for (var start = 0; start < dependsOn.Count; start++)
        {
            seen.Clear();
            for (int? at = start; at is { } i; at = dependsOn[i])
            {
                if (i < 0 || i >= dependsOn.Count)
                    break;
                var loop = seen.IndexOf(i);
                if (loop >= 0)
                    return seen[loop..];
                seen.Add(i);
            }
        }
        return null;
    }

    public static string CycleMessage(IEnumerable<int> cycle, IReadOnlyList<StepDraft> drafts) =>
        $"步骤之间的先后关系形成了循环（{string.Join(" → ", cycle.Select(i => drafts[i].Name))} → …），这样的计划永远无法执行完，不能保存。请调整步骤的先后。";
}

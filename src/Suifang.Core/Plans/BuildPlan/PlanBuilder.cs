using Suifang.Core.Pathways;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.BuildPlan;

/// Builds one plan in memory (no database): the nodes of the chosen pathway versions placed after the encounter's
/// anchor, merged where they meet (7.2.3.2), checked (7.2.1.2 c), each step depending on the one before it (7.2.1.1),
/// and the first channel's task of every step.
public static class PlanBuilder
{
    public static PlanBuild Build(PlanRequest r, DateTime now)
    {
        var issues = new List<PlanIssue>();
        if (PlanChecks.RefuseBeforeBuilding(r) is { } refusal)
            return Refuse(r, issues, refusal);
        var (nodes, notes, anchorRefusal) = NodeTimes.Place(r);
        if (anchorRefusal is not null)
            return Refuse(r, issues, anchorRefusal);
        if (nodes.Count == 0)
            return Refuse(r, issues, $"{PlanWords.Names(r.Pathways)}没有任何随访节点，请先在路径编辑器中添加节点。");
        if (r.Pathways.Count > 1)
            notes.Insert(0, $"患者有多个诊断，对应{PlanWords.Names(r.Pathways)}，合并为一个计划（7.2.3.2 个性化路径）：时间相近的节点只随访一次，相同的问题只问一次，所有异常条件都保留。");

        var groups = StepMerger.Group(nodes);
        var drafts = new List<StepDraft>(groups.Count);
        foreach (var g in groups)
            drafts.Add(StepMerger.Merge(g, notes));
        for (var i = 0; i < drafts.Count; i++)
            drafts[i].PreviewOrder = i + 1;
        ApplyUserChoices(drafts, r.Options, issues);
        drafts = PlanChecks.MergeSameDayCalls(drafts, notes);
        if (!r.Options.SmsEnabled)
            DropSms(drafts, issues);
        PlanChecks.RequireUsableChannel(drafts, r, issues);
        var start = r.Options.StartAt is { } s && s > now ? s : now;
        PlanChecks.SkipPast(drafts, start, issues);
        PlanChecks.AvoidOtherPlansCallDays(drafts, r, issues);
        PlanChecks.MergeDuplicateChannels(drafts, issues);
        StepDraft.SortByFrom(drafts);
        if (drafts.Count == 0)
            return Refuse(r, issues, r.Patient.HasPhone
                ? "检查后没有剩下可执行的随访步骤（时间已过或被去掉），不创建空计划。"
                : "患者没有可用的联系电话，计划中没有任何可执行的步骤。请在患者档案中补充电话后重新创建。");
        var dependsOn = drafts.Select((_, i) => i == 0 ? (int?)null : i - 1).ToList();
        if (PlanChecks.FindCycle(dependsOn) is { } cycle)
            return Refuse(r, issues, PlanChecks.CycleMessage(cycle, drafts));

        notes.AddRange(issues.Select(i => i.Message));
        var plan = NewPlan(r, now, notes);
        var tasks = new List<FollowUpTask>(drafts.Count);
        var firstCall = drafts.FindIndex(d => d.Channels[0].Kind is ChannelKind.AiCall or ChannelKind.Manual);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            // One unchanged node: the step refers to it (a used version is frozen) instead of storing a copy.
            var node = d.Nodes.Count == 1 && d.Nodes[0].Node is { Id: > 0 } n && ReferenceEquals(d.Questions, n.Questions)
                && ReferenceEquals(d.Triggers, n.Triggers) && ReferenceEquals(d.Channels, n.Channels) ? n : null;
            var step = new PlanStep
            {
                Order = i + 1,
                Title = d.Title,
                Label = d.Label,
                DueFrom = d.From,
                DueTo = d.To,
                SourceNodeIds = d.Nodes.Count == 1 ? NodeIdText(d.Nodes[0].Node.Id) : StepMerger.Clip(string.Join(";", d.Nodes.Select(x => x.Node.Id)), 256),
                ScriptKey = d.ScriptKey,
                NodeId = node?.Id,
                Node = node,
                Questions = d.Questions,
                Triggers = d.Triggers,
                Channels = d.Channels,
                FirstChannel = d.Channels[0].Kind,
                Status = StepStatus.Waiting,
            };
            plan.Steps.Add(step);
            var notBefore = r.Options.StartAt is { } at && at > step.DueFrom ? at : step.DueFrom;
            // Tasks only for the steps that come near (the first step and the first call, for the pre-call notice, always);
            // the others get theirs from UpcomingSteps when they do.
            if (i == 0 || i == firstCall || StepTasks.IsNear(notBefore, now))
                tasks.Add(StepTasks.Create(plan, step, 0, notBefore, now));
        }
        return new PlanBuild(r, plan, tasks, issues);
    }

    private static readonly string[] SmallIds = Enumerable.Range(0, 4_096).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string NodeIdText(int id) => id >= 0 && id < SmallIds.Length ? SmallIds[id] : id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static FollowUpPlan NewPlan(PlanRequest r, DateTime now, List<string> notes) => new()
    {
        HospitalId = r.Patient.HospitalId,
        CampusId = r.Encounter.CampusId,
        PatientId = r.Patient.Id,
        EncounterId = r.Encounter.Id,
        DepartmentId = r.Encounter.DepartmentId,
        Status = r.Options.StartAt is { } at && at > now ? PlanStatus.Scheduled : PlanStatus.Active,
        Source = r.Options.Source,
        AnchorTime = r.Encounter.DischargeAt ?? r.Encounter.VisitAt,
        StartAt = r.Options.StartAt,
        Redials = r.Options.Redials,
        RedialIntervalMinutes = r.Options.RedialIntervalMinutes,
        SmsEnabled = r.Options.SmsEnabled,
        SmsTemplate = r.Options.SmsTemplate,
        MergeNotes = notes,
        Pathways = r.Pathways.Select(p => new PlanPathway { PathwayId = p.Id }).ToList(),
        CreatedAt = now,
        CreatedBy = r.Options.CreatedBy,
    };

    private static void ApplyUserChoices(List<StepDraft> drafts, PlanOptions o, List<PlanIssue> issues)
    {
        if (o.RemovedSteps.Count > 0)
            foreach (var d in drafts.Where(d => o.RemovedSteps.Contains(d.PreviewOrder)).ToList())
            {
                drafts.Remove(d);
                issues.Add(new(PlanIssueKind.Skipped, $"按您的选择去掉了第 {d.PreviewOrder} 步 {d.Name}。"));
            }
        if (o.ShiftDays.Count == 0)
            return;
        foreach (var d in drafts)
        {
            if (!o.ShiftDays.TryGetValue(d.PreviewOrder, out var days) || days == 0)
                continue;
            d.From = d.From.AddDays(days);
            d.To = d.To.AddDays(days);
            issues.Add(new(PlanIssueKind.Shifted, $"按您的选择把第 {d.PreviewOrder} 步 {d.Name}{(days > 0 ? "推后" : "提前")} {Math.Abs(days)} 天，改为 {d.From:yyyy-MM-dd}～{d.To:yyyy-MM-dd}。"));
        }
    }

    private static void DropSms(List<StepDraft> drafts, List<PlanIssue> issues)
    {
        var changed = false;
        foreach (var d in drafts.ToList())
        {
            var kept = d.Channels.Where(c => c.Kind is not (ChannelKind.Sms or ChannelKind.Questionnaire)).ToList();
            changed |= kept.Count < d.Channels.Count;
            d.Channels = kept;
            if (kept.Count == 0)
            {
                drafts.Remove(d);
                issues.Add(new(PlanIssueKind.Skipped, $"{d.Name}只有短信/问卷短信一种联系方式，而本计划关闭了短信，已跳过。"));
            }
        }
        if (changed)
            issues.Add(new(PlanIssueKind.Changed, "本计划关闭了短信：各步骤的短信和问卷短信都已去掉，只用电话和人工随访。"));
    }

    private static PlanBuild Refuse(PlanRequest r, List<PlanIssue> issues, string message)
    {
        issues.Add(new(PlanIssueKind.Refused, message));
        return new PlanBuild(r, null, [], issues);
    }
}

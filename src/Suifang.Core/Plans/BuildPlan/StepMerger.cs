using System.Globalization;
using Suifang.Core.Pathways;

namespace Suifang.Core.Plans.BuildPlan;

/// 7.2.3.2 personalised paths: the nodes of several pathways at nearby time points become one step. A shared question
/// is asked once, every trigger is kept, and the richer channel combination is used. Every decision is written to notes.
internal static class StepMerger
{
    /// Groups nodes in time order: a node joins a group when its time point lies within the smaller window of every
    /// node already in it, or on the same day (two calls on one day become one), and it comes from another pathway.
    public static List<List<NodeAt>> Group(IEnumerable<NodeAt> nodes)
    {
        var ordered = nodes.ToArray();
        // By time, then node order, keeping the given order of equal ones (a stable sort, as OrderBy/ThenBy).
        for (var i = 1; i < ordered.Length; i++)
        {
            var n = ordered[i];
            var j = i - 1;
            for (; j >= 0 && (ordered[j].From > n.From || (ordered[j].From == n.From && ordered[j].Node.Order > n.Node.Order)); j--)
                ordered[j + 1] = ordered[j];
            ordered[j + 1] = n;
        }
        var groups = new List<List<NodeAt>>(ordered.Length);
        foreach (var n in ordered)
        {
            var last = groups.Count > 0 ? groups[^1] : null;
            if (last is not null && Joins(last, n))
                last.Add(n);
            else
                groups.Add([n]);
        }
        return groups;
    }

    private static bool Joins(List<NodeAt> group, NodeAt n)
    {
        foreach (var m in group)
            if (!Near(m, n) || m.Pathway.Id == n.Pathway.Id)
                return false;
        return true;
    }

    public static bool Near(NodeAt a, NodeAt b) =>
        Math.Abs((a.From - b.From).TotalDays) <= Math.Min(a.Node.WindowDays, b.Node.WindowDays) || a.From.Date == b.From.Date;

    public static StepDraft Merge(List<NodeAt> nodes, List<string> notes)
    {
        var first = nodes[0].Node;
        if (nodes.Count == 1)
            // The node's own lists, not copies: a used pathway version is frozen, the checks replace a list rather than
            // change it, and a step whose lists are still the node's refers to the node instead of storing them.
            return new StepDraft
            {
                Nodes = nodes, From = nodes[0].From, To = nodes[0].To, Title = Clip(first.Title, 128), Label = Clip(first.Label, 32),
                ScriptKey = first.ScriptKey, Questions = first.Questions, Triggers = first.Triggers, Channels = first.Channels,
            };
        // Title and label depend on the nodes only: made once per merge (MergedContent), the same strings for every plan.
        var names = MergedContent.NamesFor(nodes, () => (Clip(string.Join(" + ", nodes.Select(n => n.Node.Title).Distinct()), 128),
            Clip(string.Join("/", nodes.Select(n => n.Node.Label).Distinct()), 32)));
        var step = new StepDraft
        {
            Nodes = nodes,
            From = nodes.Max(n => n.From),
            To = nodes.Min(n => n.To),
            Title = names.Title,
            Label = names.Label,
            ScriptKey = nodes.Select(n => n.Node.ScriptKey).FirstOrDefault(k => k is not null),
        };
        if (step.To < step.From)
            step.To = step.From;
        notes.Add($"{PlanWords.Names(nodes.Select(n => n.Pathway))}的节点 {string.Join("、", nodes.Select(n => n.Node.Label))} 时间相近"
            + $"（相差不超过较小的时间窗口，或在同一天），合并为一次随访“{step.Label}”，时间窗口取它们的重叠部分 {step.From:MM-dd}～{step.To:MM-dd}。");
        var content = MergedContent.For(nodes, () =>
        {
            var contentNotes = new List<string>();
            if (nodes.Select(n => n.Node.ScriptKey).Where(k => k is not null).Distinct().Count() > 1)
                contentNotes.Add($"合并后的“{step.Label}”使用“{nodes.First(n => n.Node.ScriptKey == step.ScriptKey).Pathway.Name}”的话术，其他路径的问题都已加入本次提问。");
            var questions = MergeQuestions(nodes, step.Label, contentNotes);
            var triggers = TriggerMerger.Merge(nodes, step.Label, contentNotes);
            var channels = MergeChannels(nodes, step.Label, contentNotes);
            return new MergedContent(questions, triggers, channels, contentNotes);
        });
        notes.AddRange(content.Notes);
        (step.Questions, step.Triggers, step.Channels) = (content.Questions, content.Triggers, content.Channels);
        return step;
    }

    private static List<NodeQuestion> MergeQuestions(List<NodeAt> nodes, string label, List<string> notes)
    {
        var merged = new List<NodeQuestion>();
        var owners = new Dictionary<string, List<NodeAt>>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in nodes)
        {
            foreach (var q in n.Node.Questions)
            {
                var existing = merged.FirstOrDefault(m => string.Equals(m.Key, q.Key, StringComparison.OrdinalIgnoreCase));
                if (existing is null)
                {
                    merged.Add(Copy(q));
                    owners[q.Key] = [n];
                    continue;
                }
                owners[existing.Key].Add(n);
                var why = new List<string>();
                if (q.Required && !existing.Required)
                {
                    existing.Required = true;
                    why.Add("有一条路径要求必答，合并后为必答");
                }
                if (existing.Kind == AnswerKind.Choice && q.Kind == AnswerKind.Choice && q.Choices is not null)
                {
                    var union = Split(existing.Choices).Union(Split(q.Choices)).ToList();
                    if (union.Count > Split(existing.Choices).Count)
                        why.Add("选项取两者的并集：" + string.Join("、", union));
                    existing.Choices = string.Join(";", union);
                }
                else if (q.Kind != existing.Kind)
                    why.Add($"回答方式不同，按先出现的“{existing.Text}”的方式提问");
                notes.Add($"“{label}”：问题“{existing.Text}”（{existing.Key}）在{PlanWords.Names(owners[existing.Key].Select(o => o.Pathway))}中都有，只问一次"
                    + (why.Count > 0 ? "；" + string.Join("；", why) : "") + "。");
            }
        }
        return merged;
    }

    private static List<ChannelStep> MergeChannels(List<NodeAt> nodes, string label, List<string> notes)
    {
        var combos = nodes.Select(n => n.Node.Channels).ToList();
        // The richer combination leads: more channels first, then more redials.
        var kinds = combos.OrderByDescending(c => c.Count).ThenByDescending(c => c.Sum(x => x.Redials))
            .SelectMany(c => c.Select(x => x.Kind)).Distinct()
            .OrderBy(k => k == ChannelKind.Manual ? 1 : 0).ToList();
        var merged = kinds.Select(kind =>
        {
            var all = combos.SelectMany(c => c).Where(c => c.Kind == kind).ToList();
            var waits = all.Select(c => c.FallbackAfterHours).Where(h => h > 0).ToList();
            return new ChannelStep
            {
                Kind = kind,
                Redials = all.Max(c => c.Redials),
                RedialIntervalMinutes = all.Min(c => c.RedialIntervalMinutes),
                FallbackAfterHours = waits.Count > 0 ? waits.Min() : 0,
            };
        }).ToList();
        var describe = (List<ChannelStep> c) => string.Join(" → ", c.Select(x => PlanWords.Of(x.Kind)
            + (x.Redials > 0 ? $"（重拨 {x.Redials} 次，间隔 {x.RedialIntervalMinutes} 分钟）" : "")
            + (x.FallbackAfterHours > 0 ? $"（{x.FallbackAfterHours} 小时无回应转下一种）" : "")));
        if (combos.Select(describe).Distinct().Count() > 1)
            notes.Add($"“{label}”：各路径的联系方式不同，取更周全的组合：{describe(merged)}（重拨次数取多的，间隔和转下一种方式的等待取短的）。");
        return merged;
    }

    private static List<string> Split(string? choices) =>
        (choices ?? "").Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    internal static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    public static NodeQuestion Copy(NodeQuestion q) =>
        new() { Key = q.Key, Text = q.Text, Kind = q.Kind, Unit = q.Unit, Choices = q.Choices, Required = q.Required };

    public static TriggerRule Copy(TriggerRule t) =>
        new() { QuestionKey = t.QuestionKey, Operator = t.Operator, Value = t.Value, Severity = t.Severity, Description = t.Description };

    public static ChannelStep Copy(ChannelStep c) =>
        new() { Kind = c.Kind, Redials = c.Redials, RedialIntervalMinutes = c.RedialIntervalMinutes, FallbackAfterHours = c.FallbackAfterHours };

    internal static bool TryNumber(string s, out decimal value) =>
        decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out value);
}

/// The merged questions, triggers and channels of one set of nodes, with the notes that explain them. The same node
/// instances (of frozen pathway versions, loaded once per batch) always merge the same way, so the content is made once
/// and its lists are shared by every plan with that merge (nobody changes them: the checks replace a list), which also
/// lets PlanWriter serialise them once. Keyed weakly by the node instances: a new load of a pathway starts afresh.
internal sealed record MergedContent(List<NodeQuestion> Questions, List<TriggerRule> Triggers, List<ChannelStep> Channels, List<string> Notes)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PathwayNode, List<(NodeAt[] Nodes, MergedContent Content)>> Made = new();

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PathwayNode, List<(NodeAt[] Nodes, (string Title, string Label) Names)>> Named = new();

    /// The merged step's title and label, made once per set of node instances.
    public static (string Title, string Label) NamesFor(List<NodeAt> nodes, Func<(string Title, string Label)> make) => Once(Named, nodes, make);

    public static MergedContent For(List<NodeAt> nodes, Func<MergedContent> make) => Once(Made, nodes, make);

    /// What `make` gives for these node instances, made the first time and kept (up to 64 merges per first node).
    private static T Once<T>(System.Runtime.CompilerServices.ConditionalWeakTable<PathwayNode, List<(NodeAt[] Nodes, T Value)>> table, List<NodeAt> nodes, Func<T> make)
    {
        var made = table.GetValue(nodes[0].Node, _ => []);
        lock (made)
        {
            foreach (var (key, value) in made)
                if (Same(key, nodes))
                    return value;
            var fresh = make();
            if (made.Count < 64)
                made.Add(([.. nodes], fresh));
            return fresh;
        }
    }

    private static bool Same(NodeAt[] key, List<NodeAt> nodes)
    {
        if (key.Length != nodes.Count)
            return false;
        for (var i = 0; i < key.Length; i++)
            if (!ReferenceEquals(key[i].Node, nodes[i].Node) || !ReferenceEquals(key[i].Pathway, nodes[i].Pathway))
                return false;
        return true;
    }
}

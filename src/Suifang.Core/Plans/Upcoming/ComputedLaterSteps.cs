using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans.BuildPlan;

namespace Suifang.Core.Plans.Upcoming;

/// The short form of FollowUpPlan.LaterSteps for a plan made from one pathway version whose later steps are exactly that
/// version's nodes, one step each, unchanged: "@pathway:firstNode:firstOrder:count". A used pathway version is frozen
/// (its nodes can no longer change or be deleted), so the steps are computed again from the nodes and the plan's anchor
/// time whenever they are read — the same LaterStep the JSON would hold. The writer stores it only after checking, step
/// by step, that the computation gives exactly the built step; any difference (a merged or moved step, SMS off, another
/// plan's call day, a visit-anchored node, a step the user removed, an edit) keeps the JSON.
internal static class ComputedLaterSteps
{
    public const char Mark = '@';

    public readonly record struct Reference(int PathwayId, int FirstNodeId, int FirstOrder, int Count)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Mark}{PathwayId}:{FirstNodeId}:{FirstOrder}:{Count}");

        public static Reference Parse(string stored)
        {
            var n = LaterSteps.ReferenceParts(stored, Mark, 4, "computed");
            return new Reference(checked((int)n[0]), checked((int)n[1]), checked((int)n[2]), checked((int)n[3]));
        }
    }

    public static bool Is(string? stored) => stored is { Length: > 0 } && stored[0] == Mark;

    /// A version's nodes in the order the builder places them (node order; id for equal orders).
    public static PathwayNode[] Ordered(IEnumerable<PathwayNode> nodes) => nodes.OrderBy(n => n.Order).ThenBy(n => n.Id).ToArray();

    /// The later step a node becomes when nothing changed it: what StepMerger.Merge and PlanBuilder make of one node
    /// anchored at the plan's anchor time.
    public static LaterStep FromNode(PathwayNode node, DateTime anchor, int order)
    {
        var (title, label, from, to) = Computed(node, anchor);
        return new LaterStep(order, title, label, from, to, null, node.ScriptKey, node.Id, node.Channels[0].Kind);
    }

    /// The title, label and window a node's step gets at the anchor (FromNode's, without making the step).
    private static (string Title, string Label, DateTime From, DateTime To) Computed(PathwayNode node, DateTime anchor)
    {
        var from = anchor.AddDays(node.OffsetDays);
        return (StepMerger.Clip(node.Title, 128), StepMerger.Clip(node.Label, 32), from, from.AddDays(Math.Max(0, node.WindowDays)));
    }

    /// The reference for the plan's later steps (those after order `after`), or null when they are not exactly the
    /// computed ones of its single pathway version. `texts` keeps each reference's text, which many plans share.
    public static string? TryReference(FollowUpPlan plan, int after, IReadOnlyDictionary<int, PathwayNode[]> versions, Dictionary<Reference, string> texts)
    {
        // PostgreSQL keeps microseconds: an anchor finer than that would not compute the same times after a round trip.
        if (plan.Pathways.Count != 1 || !versions.TryGetValue(plan.Pathways[0].PathwayId, out var nodes)
            || plan.AnchorTime.Ticks % TimeSpan.TicksPerMicrosecond != 0)
            return null;
        int start = -1, count = 0, firstOrder = 0, firstNode = 0;
        foreach (var step in plan.Steps)
        {
            if (step.Order <= after)
                continue;
            if (step.NodeId is not { } nodeId || step.Node is null)
                return null;
            if (start < 0)
            {
                start = Array.FindIndex(nodes, n => n.Id == nodeId);
                if (start < 0)
                    return null;
                (firstOrder, firstNode) = (step.Order, nodeId);
            }
            var index = start + count;
            if (index >= nodes.Length || step.Order != firstOrder + count || !Same(step, nodes[index], plan.AnchorTime))
                return null;
            count++;
        }
        if (count == 0)
            return null;
        var reference = new Reference(plan.Pathways[0].PathwayId, firstNode, firstOrder, count);
        if (!texts.TryGetValue(reference, out var text))
            texts[reference] = text = reference.ToString();
        return text;
    }

    /// The built step is the one computed from the node (FromNode) in every field the JSON would store (a step that
    /// refers to its node stores its node id, no source ids and no content).
    private static bool Same(PlanStep s, PathwayNode node, DateTime anchor)
    {
        var (title, label, from, to) = Computed(node, anchor);
        return s.NodeId == node.Id && IsIdText(s.SourceNodeIds, node.Id) && s.Title == title && s.Label == label && s.DueFrom == from
            && s.DueTo == to && s.ScriptKey == node.ScriptKey && s.FirstChannel == node.Channels[0].Kind;
    }

    /// text == id.ToString(InvariantCulture), without making the string.
    private static bool IsIdText(string text, int id)
    {
        Span<char> digits = stackalloc char[12];
        return id.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture) && text.AsSpan().SequenceEqual(digits[..length]);
    }

    /// The later steps a reference stands for.
    public static List<LaterStep> Expand(string stored, DateTime anchor, IReadOnlyDictionary<int, PathwayNode[]> versions)
    {
        var r = Reference.Parse(stored);
        var nodes = versions.TryGetValue(r.PathwayId, out var found) ? found
            : throw new InvalidOperationException($"Pathway version {r.PathwayId} of computed later steps was not loaded (LaterSteps.VersionsAsync).");
        var start = Array.FindIndex(nodes, n => n.Id == r.FirstNodeId);
        if (start < 0 || start + r.Count > nodes.Length)
            throw new InvalidOperationException($"Pathway version {r.PathwayId} lacks the nodes of computed later steps {stored}.");
        var steps = new List<LaterStep>(r.Count);
        for (var i = 0; i < r.Count; i++)
            steps.Add(FromNode(nodes[start + i], anchor, r.FirstOrder + i));
        return steps;
    }

    /// What is left of a reference after its first steps became rows: a shorter reference when the rest is its tail.
    public static string? Rest(string stored, IReadOnlyList<LaterStep> all, IReadOnlyList<LaterStep> left)
    {
        if (left.Count == 0 || !LaterSteps.IsTail(all, left))
            return null;
        var r = Reference.Parse(stored);
        return (r with { FirstNodeId = left[0].NodeId!.Value, FirstOrder = left[0].Order, Count = left.Count }).ToString();
    }

    /// The ordered nodes of every pathway version that the stored later steps refer to (no query when none does).
    public static async Task<Dictionary<int, PathwayNode[]>> VersionsAsync(SuifangDbContext db, IEnumerable<string?> stored, CancellationToken ct)
    {
        var ids = stored.Where(Is).Select(s => Reference.Parse(s!).PathwayId).Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var nodes = await db.Set<PathwayNode>().AsNoTracking().Where(n => EF.Parameter(ids).Contains(n.PathwayId)).ToListAsync(ct);
        return nodes.GroupBy(n => n.PathwayId).ToDictionary(g => g.Key, g => Ordered(g));
    }
}

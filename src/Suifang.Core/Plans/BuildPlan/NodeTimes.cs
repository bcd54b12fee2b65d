using Suifang.Core.Pathways;
using Suifang.Core.Patients;

namespace Suifang.Core.Plans.BuildPlan;

/// A pathway node placed on the patient's calendar: DueFrom = anchor + offset, DueTo = DueFrom + window.
internal sealed record NodeAt(Pathway Pathway, PathwayNode Node, DateTime From, DateTime To);

internal static class NodeTimes
{
    /// The time the node counts from, or null when it is not known yet; a note when a substitute was used.
    public static (DateTime? At, string? Note) AnchorOf(AnchorEvent anchor, PlanEncounter e, Pathway p) => anchor switch
    {
        AnchorEvent.Visit => (e.VisitAt, null),
        AnchorEvent.Surgery when e.DischargeAt is { } d =>
            (d, $"“{p.Name}”的节点按手术时间计算，但系统中没有手术时间，已按出院时间（{d:yyyy-MM-dd HH:mm}）计算。"),
        AnchorEvent.Surgery or AnchorEvent.Discharge when e.DischargeAt is null && e.VisitType == VisitType.Outpatient =>
            (e.VisitAt, $"“{p.Name}”的节点按{(anchor == AnchorEvent.Surgery ? "手术" : "出院")}时间计算，门诊就诊没有该时间，已按就诊时间（{e.VisitAt:yyyy-MM-dd HH:mm}）计算。"),
        AnchorEvent.Discharge when e.DischargeAt is { } d => (d, null),
        _ => (null, null),
    };

    /// Every node of every pathway with its time window, or the refusal when an anchor is unknown.
    public static (List<NodeAt> Nodes, List<string> Notes, string? Refusal) Place(PlanRequest request)
    {
        var nodes = new List<NodeAt>();
        var notes = new List<string>();
        foreach (var pathway in request.Pathways)
        {
            foreach (var node in InOrder(pathway.Nodes))
            {
                var (anchor, note) = AnchorOf(node.Anchor, request.Encounter, pathway);
                if (anchor is null)
                    return (nodes, notes, $"患者尚未出院，“{pathway.Name}”的随访从出院时间算起，现在无法排定时间。请在患者出院（HIS 同步或补录出院时间）后再创建，出院后系统也会按规则自动创建。");
                if (note is not null && !notes.Contains(note))
                    notes.Add(note);
                var from = anchor.Value.AddDays(node.OffsetDays);
                nodes.Add(new NodeAt(pathway, node, from, from.AddDays(Math.Max(0, node.WindowDays))));
            }
        }
        return (nodes, notes, null);
    }

    /// The nodes by Order (stable, as OrderBy): as they are when already in order, which saved ones are.
    private static IEnumerable<PathwayNode> InOrder(List<PathwayNode> nodes)
    {
        for (var i = 1; i < nodes.Count; i++)
            if (nodes[i - 1].Order > nodes[i].Order)
                return nodes.OrderBy(n => n.Order);
        return nodes;
    }
}

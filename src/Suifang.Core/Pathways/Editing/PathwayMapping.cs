namespace Suifang.Core.Pathways.Editing;

/// Writes a validated input onto a pathway row: its fields and a fresh set of nodes in time order.
internal static class PathwayMapping
{
    public static void Apply(PathwayInput input, Pathway target)
    {
        target.Name = input.Name!.Trim();
        target.DepartmentId = input.DepartmentId;
        target.DiseaseCodes = string.Join(";", IcdRange.ParseList(input.DiseaseCodes));
        target.DiseaseNames = input.DiseaseNames!.Trim();
        target.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        target.Nodes = Nodes(input.Nodes);
    }

    public static List<PathwayNode> Nodes(IEnumerable<NodeInput> nodes) =>
        nodes.OrderBy(n => n.OffsetDays).ThenBy(n => n.Anchor)
            .Select((n, i) => new PathwayNode
            {
                Order = i + 1,
                Title = n.Title!.Trim(),
                Anchor = n.Anchor,
                Offset = n.Offset,
                OffsetUnit = n.OffsetUnit,
                WindowDays = n.WindowDays,
                ScriptKey = string.IsNullOrWhiteSpace(n.ScriptKey) ? null : n.ScriptKey.Trim(),
                Questions = n.Questions.Select(q => new NodeQuestion
                {
                    Key = q.Key!.Trim(),
                    Text = q.Text!.Trim(),
                    Kind = q.Kind,
                    Unit = string.IsNullOrWhiteSpace(q.Unit) ? null : q.Unit.Trim(),
                    Choices = q.Kind == AnswerKind.Choice ? string.Join(";", PathwayText.Choices(q.Choices)) : null,
                    Required = q.Required,
                }).ToList(),
                Triggers = n.Triggers.Select(t => new TriggerRule
                {
                    QuestionKey = t.QuestionKey!.Trim(),
                    Operator = t.Operator,
                    Value = t.Value!.Trim(),
                    Severity = t.Severity,
                    Description = t.Description!.Trim(),
                }).ToList(),
                Channels = n.Channels.Select(c => new ChannelStep
                {
                    Kind = c.Kind,
                    Redials = c.Redials,
                    RedialIntervalMinutes = c.RedialIntervalMinutes,
                    FallbackAfterHours = c.FallbackAfterHours,
                    QuestionnaireKey = c.Kind == ChannelKind.Questionnaire && !string.IsNullOrWhiteSpace(c.QuestionnaireKey) ? c.QuestionnaireKey.Trim() : null,
                }).ToList(),
            }).ToList();

    /// A deep copy of a version's nodes for a new version or a copy; the source keeps its own.
    public static List<PathwayNode> Copy(IEnumerable<PathwayNode> nodes) => Nodes(nodes.OrderBy(n => n.Order).Select(NodeInput.From));
}

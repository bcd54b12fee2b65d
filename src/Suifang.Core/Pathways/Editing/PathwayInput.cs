namespace Suifang.Core.Pathways.Editing;

/// What a doctor submits for a pathway version, from the editor or the API. Mutable so the editor binds to it;
/// strings are nullable so that a missing value is answered by the validator in Chinese, not by a parser.
public sealed class PathwayInput
{
    public string? Name { get; set; }
    public int DepartmentId { get; set; }
    public string? DiseaseCodes { get; set; }
    public string? DiseaseNames { get; set; }
    public string? Description { get; set; }
    public List<NodeInput> Nodes { get; set; } = [];

    /// The revision the editor loaded (Pathway.Revision). A save against a version changed since is refused
    /// instead of overwriting a colleague's work; null skips the check (API callers that do not care).
    public int? Revision { get; set; }

    public static PathwayInput From(Pathway p) => new()
    {
        Name = p.Name,
        DepartmentId = p.DepartmentId,
        DiseaseCodes = p.DiseaseCodes,
        DiseaseNames = p.DiseaseNames,
        Description = p.Description,
        Revision = p.Revision,
        Nodes = p.Nodes.OrderBy(n => n.Order).Select(NodeInput.From).ToList(),
    };
}

public sealed class NodeInput
{
    public string? Title { get; set; }
    public AnchorEvent Anchor { get; set; } = AnchorEvent.Discharge;
    public int Offset { get; set; }
    public OffsetUnit OffsetUnit { get; set; } = OffsetUnit.Day;
    public int WindowDays { get; set; } = 2;
    public string? ScriptKey { get; set; }
    public List<QuestionInput> Questions { get; set; } = [];
    public List<TriggerInput> Triggers { get; set; } = [];
    public List<ChannelInput> Channels { get; set; } = [];

    /// The same label and day count as PathwayNode, for an input not yet saved.
    public string Label => Shape().Label;
    public int OffsetDays => Shape().OffsetDays;

    private PathwayNode Shape() => new() { Title = "", Offset = Offset, OffsetUnit = OffsetUnit };

    public static NodeInput From(PathwayNode n) => new()
    {
        Title = n.Title,
        Anchor = n.Anchor,
        Offset = n.Offset,
        OffsetUnit = n.OffsetUnit,
        WindowDays = n.WindowDays,
        ScriptKey = n.ScriptKey,
        Questions = n.Questions.Select(q => new QuestionInput { Key = q.Key, Text = q.Text, Kind = q.Kind, Unit = q.Unit, Choices = q.Choices, Required = q.Required }).ToList(),
        Triggers = n.Triggers.Select(t => new TriggerInput { QuestionKey = t.QuestionKey, Operator = t.Operator, Value = t.Value, Severity = t.Severity, Description = t.Description }).ToList(),
        Channels = n.Channels.Select(c => new ChannelInput
        {
            Kind = c.Kind, Redials = c.Redials, RedialIntervalMinutes = c.RedialIntervalMinutes, FallbackAfterHours = c.FallbackAfterHours,
            QuestionnaireKey = c.QuestionnaireKey,
        }).ToList(),
    };

    /// The usual combination: an AI call with two redials an hour apart, then the questionnaire link
    /// (waiting 24 hours for the answer), then a nurse's call.
    public static List<ChannelInput> StandardChannels() =>
    [
        new() { Kind = ChannelKind.AiCall, Redials = 2, RedialIntervalMinutes = 60 },
        new() { Kind = ChannelKind.Questionnaire, FallbackAfterHours = 24 },
        new() { Kind = ChannelKind.Manual },
    ];
}

public sealed class QuestionInput
{
    public string? Key { get; set; }
    public string? Text { get; set; }
    public AnswerKind Kind { get; set; } = AnswerKind.YesNo;
    public string? Unit { get; set; }
    public string? Choices { get; set; }
    public bool Required { get; set; } = true;
}

public sealed class TriggerInput
{
    public string? QuestionKey { get; set; }
    public TriggerOperator Operator { get; set; } = TriggerOperator.Equals;
    public string? Value { get; set; }
    public TriggerSeverity Severity { get; set; } = TriggerSeverity.Abnormal;
    public string? Description { get; set; }
}

public sealed class ChannelInput
{
    public ChannelKind Kind { get; set; } = ChannelKind.AiCall;
    public int Redials { get; set; }
    public int RedialIntervalMinutes { get; set; } = 60;
    public int FallbackAfterHours { get; set; }

    /// The questionnaire (or scale) a questionnaire step sends, by its key; null: one made from the node's questions.
    public string? QuestionnaireKey { get; set; }
}

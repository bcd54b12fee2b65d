namespace Suifang.Core.Pathways;

/// The event a node's time point counts from.
public enum AnchorEvent
{
    Discharge = 1,
    Visit = 2,
    Surgery = 3,
}

public enum OffsetUnit
{
    Day = 1,
    Week = 2,
    Month = 3,
}

/// 路径节点: one follow-up at a time point after the anchor, e.g. D+7 within 2 days.
public sealed class PathwayNode
{
    public int Id { get; set; }
    public int PathwayId { get; set; }

    /// Position on the timeline; nodes are shown and planned in this order.
    public int Order { get; set; }
    public required string Title { get; set; }
    public AnchorEvent Anchor { get; set; } = AnchorEvent.Discharge;
    public int Offset { get; set; }
    public OffsetUnit OffsetUnit { get; set; } = OffsetUnit.Day;

    /// How many days after the time point the follow-up may still happen.
    public int WindowDays { get; set; } = 2;

    /// The script (话术) the AI call uses; the questions below are what it must collect.
    public string? ScriptKey { get; set; }
    public List<NodeQuestion> Questions { get; set; } = [];
    public List<TriggerRule> Triggers { get; set; } = [];

    /// The channels tried in order: the first, then each fallback when the previous one did not reach the patient.
    public List<ChannelStep> Channels { get; set; } = [];

    /// "D+7", "W+2", "M+3": the label doctors use (D days, W weeks, M months after the anchor).
    /// Made once per offset (the same string for every plan step of the node, which plan writing relies on to encode it once).
    public string Label
    {
        get
        {
            var made = _label;
            if (made is null || made.Unit != OffsetUnit || made.Offset != Offset)
                _label = made = new LabelText(OffsetUnit, Offset, (OffsetUnit switch { OffsetUnit.Week => "W", OffsetUnit.Month => "M", _ => "D" }) + "+" + Offset);
            return made.Text;
        }
    }

    private sealed record LabelText(OffsetUnit Unit, int Offset, string Text);
    private LabelText? _label;

    /// The time point as days after the anchor (a month counts 30 days).
    public int OffsetDays => Offset * OffsetUnit switch { OffsetUnit.Week => 7, OffsetUnit.Month => 30, _ => 1 };
}

public enum AnswerKind
{
    YesNo = 1,
    Number = 2,
    Choice = 3,
    Date = 4,
    Text = 5,
    /// 0–10 score (pain, satisfaction).
    Score = 6,
}

/// What a node must find out, e.g. key "temperature", "您现在体温多少度？", Number, unit "℃".
public sealed class NodeQuestion
{
    /// Stable name of the answer across pathways, so merged plans ask a shared question once (e.g. "wound_redness").
    public required string Key { get; set; }
    public required string Text { get; set; }
    public AnswerKind Kind { get; set; }
    public string? Unit { get; set; }

    /// Options of a Choice question, separated by ';'.
    public string? Choices { get; set; }
    public bool Required { get; set; } = true;
}

public enum TriggerOperator
{
    Equals = 1,
    NotEquals = 2,
    GreaterOrEqual = 3,
    LessOrEqual = 4,
    Greater = 5,
    Less = 6,
    Contains = 7,
}

public enum TriggerSeverity
{
    Abnormal = 1,
    /// 危急: alerts at once (7.2.5.1 a).
    Critical = 2,
}

/// 异常触发条件: a rule over one answer, e.g. temperature ≥ 38.5 → abnormal.
public sealed class TriggerRule
{
    public required string QuestionKey { get; set; }
    public TriggerOperator Operator { get; set; }
    public required string Value { get; set; }
    public TriggerSeverity Severity { get; set; } = TriggerSeverity.Abnormal;

    /// What a nurse reads on the to-do, e.g. "体温≥38.5℃，可能有感染".
    public required string Description { get; set; }
}

public enum ChannelKind
{
    AiCall = 1,
    Sms = 2,
    /// An SMS carrying the patient's own questionnaire link.
    Questionnaire = 3,
    Manual = 4,
}

/// One channel of a node's combination, with how long to wait before falling back to the next one.
public sealed class ChannelStep
{
    public ChannelKind Kind { get; set; }

    /// Redials after the first try (AI or manual calls).
    public int Redials { get; set; }
    public int RedialIntervalMinutes { get; set; } = 60;

    /// Hours to wait for an answer (questionnaire, SMS) before the next channel starts.
    public int FallbackAfterHours { get; set; }

    /// The questionnaire a questionnaire channel sends (its key in the hospital); null: one made from the node's questions.
    public string? QuestionnaireKey { get; set; }
}

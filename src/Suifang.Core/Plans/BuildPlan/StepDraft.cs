using Suifang.Core.Pathways;

namespace Suifang.Core.Plans.BuildPlan;

/// A step being built: the nodes it came from and its merged content.
internal sealed class StepDraft
{
    public required List<NodeAt> Nodes { get; init; }
    public DateTime From { get; set; }
    public DateTime To { get; set; }
    public required string Title { get; set; }
    public required string Label { get; set; }
    public string? ScriptKey { get; set; }
    public List<NodeQuestion> Questions { get; set; } = [];
    public List<TriggerRule> Triggers { get; set; } = [];
    public List<ChannelStep> Channels { get; set; } = [];

    /// Its place in the preview the user saw (1-based), for "remove step N" and "shift step N".
    public int PreviewOrder { get; set; }

    public bool HasCall
    {
        get
        {
            foreach (var c in Channels)
                if (c.Kind is ChannelKind.AiCall or ChannelKind.Manual)
                    return true;
            return false;
        }
    }

    /// Orders the drafts by From in place, keeping the order of equal times (as OrderBy does; a plan has a few steps).
    public static void SortByFrom(List<StepDraft> drafts)
    {
        for (var i = 1; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var j = i - 1;
            for (; j >= 0 && drafts[j].From > d.From; j--)
                drafts[j + 1] = drafts[j];
            drafts[j + 1] = d;
        }
    }

    public string Name => $"{Label}“{Title}”";
}

/// Chinese names of the model's values, for notes and messages.
internal static class PlanWords
{
    public static string Of(ChannelKind kind) => kind switch
    {
        ChannelKind.AiCall => "AI 电话",
        ChannelKind.Sms => "短信",
        ChannelKind.Questionnaire => "问卷短信",
        _ => "人工随访",
    };

    public static string Of(TriggerSeverity s) => s == TriggerSeverity.Critical ? "危急" : "异常";

    public static string Of(TriggerOperator op) => op switch
    {
        TriggerOperator.Equals => "=",
        TriggerOperator.NotEquals => "≠",
        TriggerOperator.GreaterOrEqual => "≥",
        TriggerOperator.LessOrEqual => "≤",
        TriggerOperator.Greater => ">",
        TriggerOperator.Less => "<",
        _ => "包含",
    };

    public static string Of(TriggerRule t) => $"{t.QuestionKey} {Of(t.Operator)} {t.Value}（{Of(t.Severity)}）";

    public static string Names(IEnumerable<Pathway> pathways) => string.Join("、", pathways.Select(p => $"“{p.Name}”").Distinct());
}

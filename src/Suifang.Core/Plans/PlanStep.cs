using Suifang.Core.Pathways;

namespace Suifang.Core.Plans;

public enum StepStatus
{
    Waiting = 0,
    InProgress = 1,
    Done = 2,
    /// All channels tried, the patient was not reached.
    Unreached = 3,
    Cancelled = 4,
}

/// A sub-goal of a plan (7.2.1): one follow-up at a time point, with the questions of every merged node,
/// the triggers of all of them, and the channel combination. Steps depend on earlier ones (DependsOnStepId).
public sealed class PlanStep
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }

    /// "D+7" etc.; several merged nodes show their common label.
    public required string Label { get; set; }
    public DateTime DueFrom { get; set; }
    public DateTime DueTo { get; set; }
    public long? DependsOnStepId { get; set; }

    /// The pathway nodes this step came from (ids, ';'-separated), for the plan page's explanation.
    public string SourceNodeIds { get; set; } = "";
    public string? ScriptKey { get; set; }
    public List<NodeQuestion> Questions { get; set; } = [];
    public List<TriggerRule> Triggers { get; set; } = [];
    public List<ChannelStep> Channels { get; set; } = [];
    public StepStatus Status { get; set; }

    /// For E_p and P_p: was the step needed (it collected something or found an abnormality), was its result correct
    /// (confirmed by a reviewer or not contradicted). Null until known.
    public bool? WasNeeded { get; set; }
    public bool? ResultCorrect { get; set; }
    public DateTime? CompletedAt { get; set; }
}

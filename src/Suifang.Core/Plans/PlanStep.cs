using System.Text.Json.Serialization;
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

    /// The frozen pathway node (a used version is immutable) whose questions, triggers and channels this step uses as
    /// they are; null when the step has its own content (merged from several nodes, or changed by the plan checks).
    /// A step that refers to its node stores no copy: read the content through <see cref="Content"/>.
    public int? NodeId { get; set; }
    [JsonIgnore]
    public PathwayNode? Node { get; set; }

    /// The step's own content when NodeId is null (empty in the database otherwise).
    public List<NodeQuestion> Questions { get; set; } = [];
    public List<TriggerRule> Triggers { get; set; } = [];
    public List<ChannelStep> Channels { get; set; } = [];

    /// The channel the step starts with, so that "which days does this patient get a call" can be answered for steps
    /// whose tasks do not exist yet (tasks are made only for steps that come near, see StepTasks.Horizon).
    public ChannelKind FirstChannel { get; set; }

    /// What the step asks, checks and uses: its node's content, or its own. The engine and the plan page read it here.
    /// Steps loaded from the database need their Node (Include(s => s.Node) or StepNodes.LoadAsync).
    [JsonIgnore]
    public StepContent Content => Node is { } n ? new(n.Questions, n.Triggers, n.Channels)
        : NodeId is null || Channels.Count > 0 ? new(Questions, Triggers, Channels)
        : throw new InvalidOperationException($"Plan step {Id} uses pathway node {NodeId}, which was not loaded (Include(s => s.Node)).");
    public StepStatus Status { get; set; }

    /// For E_p and P_p: was the step needed (it collected something or found an abnormality), was its result correct
    /// (confirmed by a reviewer or not contradicted). Null until known.
    public bool? WasNeeded { get; set; }
    public bool? ResultCorrect { get; set; }
    public DateTime? CompletedAt { get; set; }
}

/// A step's questions, triggers and channels (its node's or its own).
public readonly record struct StepContent(List<NodeQuestion> Questions, List<TriggerRule> Triggers, List<ChannelStep> Channels);

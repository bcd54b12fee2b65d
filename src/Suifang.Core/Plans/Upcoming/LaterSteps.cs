using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.Upcoming;

/// A later step of a plan that is not a row yet ("projected step"): everything the plan decided about it — times, the
/// node(s), the checks' changes — so the row UpcomingSteps makes when it comes near is the row the plan would have
/// written. Content (questions, triggers, channels) is stored only when the step does not refer to one frozen node.
public sealed record LaterStep(int Order, string Title, string Label, DateTime DueFrom, DateTime DueTo, string SourceNodeIds,
    string? ScriptKey, int? NodeId, ChannelKind FirstChannel, List<NodeQuestion>? Questions = null, List<TriggerRule>? Triggers = null,
    List<ChannelStep>? Channels = null);

/// Plan creation writes as rows only a plan's steps up to the last one that gets a task at once (the first step, the
/// first call, those within StepTasks.Horizon); the later ones are kept with the plan as JSON (FollowUpPlan.LaterSteps)
/// and become rows when they come within the horizon. Everything that shows or counts steps adds them (plan page, list).
public static class LaterSteps
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// Splits each plan's steps into the rows to write now and the projection kept with the plan (sets LaterSteps and
    /// LaterStepsFrom); returns the rows. A step after the last one with a task is projected; plan.Steps keeps all.
    public static List<PlanStep> Split(IReadOnlyList<FollowUpPlan> plans, IReadOnlyList<FollowUpTask> tasks)
    {
        var lastWithTask = new Dictionary<FollowUpPlan, int>(ReferenceEqualityComparer.Instance);
        foreach (var t in tasks)
            if (t is { Plan: { } p, Step: { } s } && (!lastWithTask.TryGetValue(p, out var o) || s.Order > o))
                lastWithTask[p] = s.Order;
        var rows = new List<PlanStep>(plans.Count * 2);
        var contents = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        foreach (var plan in plans)
        {
            var last = lastWithTask.GetValueOrDefault(plan, 0);
            List<PlanStep>? later = null;
            foreach (var step in plan.Steps)
                if (step.Order <= last)
                    rows.Add(step);
                else
                    (later ??= []).Add(step);
            plan.LaterSteps = later is null ? null : Write(later, contents);
            plan.LaterStepsFrom = later?.Min(s => s.DueFrom);
        }
        return rows;
    }

    /// The JSON of later steps; content lists shared between steps (merged content, MergedContent) are serialised once.
    private static string Write(List<PlanStep> steps, Dictionary<object, string> contents)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 * steps.Count);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var s in steps.OrderBy(s => s.Order))
            {
                w.WriteStartObject();
                w.WriteNumber(nameof(LaterStep.Order), s.Order);
                w.WriteString(nameof(LaterStep.Title), s.Title);
                w.WriteString(nameof(LaterStep.Label), s.Label);
                w.WriteString(nameof(LaterStep.DueFrom), s.DueFrom);
                w.WriteString(nameof(LaterStep.DueTo), s.DueTo);
                w.WriteString(nameof(LaterStep.SourceNodeIds), s.SourceNodeIds);
                if (s.ScriptKey is not null)
                    w.WriteString(nameof(LaterStep.ScriptKey), s.ScriptKey);
                w.WriteNumber(nameof(LaterStep.FirstChannel), (int)s.FirstChannel);
                if (s.NodeId is { } node)
                    w.WriteNumber(nameof(LaterStep.NodeId), node);
                else
                {
                    w.WritePropertyName(nameof(LaterStep.Questions));
                    w.WriteRawValue(Content(s.Questions, contents));
                    w.WritePropertyName(nameof(LaterStep.Triggers));
                    w.WriteRawValue(Content(s.Triggers, contents));
                    w.WritePropertyName(nameof(LaterStep.Channels));
                    w.WriteRawValue(Content(s.Channels, contents));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Content<T>(List<T> list, Dictionary<object, string> contents)
    {
        if (!contents.TryGetValue(list, out var json))
            contents[list] = json = JsonSerializer.Serialize(list, Json);
        return json;
    }

    public static List<LaterStep> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<LaterStep>>(json, Json) ?? [];

    /// How many later steps the JSON holds (for counts on list pages).
    public static int Count(string? json) => Read(json).Count;

    public static string? Write(IReadOnlyCollection<LaterStep> later) =>
        later.Count == 0 ? null : JsonSerializer.Serialize(later.OrderBy(s => s.Order), Json);

    /// The step row a later step becomes (its node, when it refers to one, must be set by the caller to read Content).
    public static PlanStep ToStep(LaterStep s, long planId, StepStatus status) => new()
    {
        PlanId = planId,
        Order = s.Order,
        Title = s.Title,
        Label = s.Label,
        DueFrom = s.DueFrom,
        DueTo = s.DueTo,
        SourceNodeIds = s.SourceNodeIds,
        ScriptKey = s.ScriptKey,
        NodeId = s.NodeId,
        Questions = s.NodeId is null ? s.Questions ?? [] : [],
        Triggers = s.NodeId is null ? s.Triggers ?? [] : [],
        Channels = s.NodeId is null ? s.Channels ?? [] : [],
        FirstChannel = s.FirstChannel,
        Status = status,
    };

    /// The plan's later steps as (unsaved, Id 0) steps with their nodes, for showing: waiting while the plan is open,
    /// cancelled when it was cancelled or stopped before they came near.
    public static async Task<List<PlanStep>> ForShowingAsync(SuifangDbContext db, FollowUpPlan plan, CancellationToken ct)
    {
        var later = Read(plan.LaterSteps);
        if (later.Count == 0)
            return [];
        var nodeIds = later.Where(s => s.NodeId is not null).Select(s => s.NodeId!.Value).Distinct().ToList();
        var nodes = await db.Set<PathwayNode>().AsNoTracking().Where(n => EF.Parameter(nodeIds).Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var open = plan.Status is PlanStatus.Active or PlanStatus.Scheduled;
        return later.Select(s =>
        {
            var step = ToStep(s, plan.Id, open ? StepStatus.Waiting : StepStatus.Cancelled);
            step.Node = s.NodeId is { } id ? nodes.GetValueOrDefault(id) : null;
            return step;
        }).ToList();
    }
}

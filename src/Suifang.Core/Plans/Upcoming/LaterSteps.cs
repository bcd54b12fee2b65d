using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.Upcoming;

/// A later step of a plan that is not a row yet ("projected step"): everything the plan decided about it — times, the
/// node(s), the checks' changes — so the row UpcomingSteps makes when it comes near is the row the plan would have
/// written. Content (questions, triggers, channels) is stored only when the step does not refer to one frozen node.
/// Stored with one- or two-letter property names (Plans.LaterSteps is written for every plan: 100,000 a day).
public sealed record LaterStep(
    [property: JsonPropertyName("o")] int Order,
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("l")] string Label,
    [property: JsonPropertyName("f")] DateTime DueFrom,
    [property: JsonPropertyName("u")] DateTime DueTo,
    [property: JsonPropertyName("sn")] string? SourceNodeIds,
    [property: JsonPropertyName("s")] string? ScriptKey,
    [property: JsonPropertyName("n")] int? NodeId,
    [property: JsonPropertyName("c")] ChannelKind FirstChannel,
    [property: JsonPropertyName("q")] List<NodeQuestion>? Questions = null,
    [property: JsonPropertyName("tr")] List<TriggerRule>? Triggers = null,
    [property: JsonPropertyName("ch")] List<ChannelStep>? Channels = null);

/// What stored later steps may refer to: the ordered nodes of pathway versions by id (ComputedLaterSteps) and the
/// shared texts by id (SharedLaterSteps), loaded for a set of plans by LaterSteps.SourcesAsync.
public sealed record LaterStepSources(IReadOnlyDictionary<int, PathwayNode[]> Versions, IReadOnlyDictionary<long, List<LaterStep>> Shared);

/// Plan creation writes as rows only a plan's steps up to the last one that gets a task at once (the first step, the
/// first call, those within StepTasks.Horizon); the later ones are kept with the plan as JSON (FollowUpPlan.LaterSteps)
/// and become rows when they come within the horizon. Everything that shows or counts steps adds them (plan page, list).
public static class LaterSteps
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// Splits each plan's steps into the rows to write now and the projection kept with the plan (sets LaterSteps and
    /// LaterStepsFrom); returns the rows. A step after the last one with a task is projected; plan.Steps keeps all.
    /// With the plans' pathway versions (ordered nodes by pathway id), a plan whose later steps are exactly its single
    /// version's nodes keeps a short reference instead of their JSON (ComputedLaterSteps); with a content batch, the
    /// others refer to a shared text of their steps counted from the anchor (SharedLaterSteps), set when the batch is saved.
    internal static List<PlanStep> Split(IReadOnlyList<FollowUpPlan> plans, IReadOnlyList<FollowUpTask> tasks,
        IReadOnlyDictionary<int, PathwayNode[]>? versions = null, PlanContentBatch? shared = null)
    {
        var lastWithTask = new Dictionary<FollowUpPlan, int>(ReferenceEqualityComparer.Instance);
        foreach (var t in tasks)
            if (t is { Plan: { } p, Step: { } s } && (!lastWithTask.TryGetValue(p, out var o) || s.Order > o))
                lastWithTask[p] = s.Order;
        var rows = new List<PlanStep>(plans.Count * 2);
        var writer = new Writer();
        var references = new Dictionary<ComputedLaterSteps.Reference, string>();
        foreach (var plan in plans)
        {
            var last = lastWithTask.GetValueOrDefault(plan, 0);
            var later = 0;
            foreach (var step in plan.Steps)
                if (step.Order <= last)
                    rows.Add(step);
                else
                    later++;
            plan.LaterSteps = later == 0 ? null : versions is null ? null : ComputedLaterSteps.TryReference(plan, last, versions, references);
            if (later > 0 && plan.LaterSteps is null)
            {
                if (shared is not null && SharedLaterSteps.CanShare(plan))
                {
                    var owner = plan;
                    shared.Add(writer.Write(plan.Steps, last, SharedLaterSteps.Shift(plan.AnchorTime)),
                        id => owner.LaterSteps = new SharedLaterSteps.Reference(id, 0, later).ToString());
                }
                else
                    plan.LaterSteps = writer.Write(plan.Steps, last, TimeSpan.Zero);
            }
            plan.LaterStepsFrom = later == 0 ? null : EarliestAfter(plan.Steps, last);
        }
        return rows;
    }

    private static DateTime EarliestAfter(List<PlanStep> steps, int order)
    {
        var earliest = DateTime.MaxValue;
        foreach (var s in steps)
            if (s.Order > order && s.DueFrom < earliest)
                earliest = s.DueFrom;
        return earliest;
    }

    /// Writes the JSON of a plan's later steps, cheaply enough for 100,000 plans at once: one buffer and writer for all,
    /// property names and repeated texts (titles, labels) encoded once, content lists shared between steps (merged
    /// content, MergedContent) serialised once, Chinese left unescaped. A step that refers to its node leaves out its
    /// SourceNodeIds (the node's id) and content. Times are written `shift` earlier (a shared text counts from the anchor).
    private sealed class Writer
    {
        private static readonly JsonEncodedText OrderName = Name(nameof(LaterStep.Order)), TitleName = Name(nameof(LaterStep.Title)),
            LabelName = Name(nameof(LaterStep.Label)), FromName = Name(nameof(LaterStep.DueFrom)),
            ToName = Name(nameof(LaterStep.DueTo)), SourceName = Name(nameof(LaterStep.SourceNodeIds)),
            ScriptName = Name(nameof(LaterStep.ScriptKey)), ChannelName = Name(nameof(LaterStep.FirstChannel)),
            NodeName = Name(nameof(LaterStep.NodeId)), QuestionsName = Name(nameof(LaterStep.Questions)),
            TriggersName = Name(nameof(LaterStep.Triggers)), ChannelsName = Name(nameof(LaterStep.Channels));

        /// The stored name of a LaterStep property (its JsonPropertyName), so the reader and this writer agree.
        private static JsonEncodedText Name(string property) =>
            JsonEncodedText.Encode(typeof(LaterStep).GetProperty(property)!.GetCustomAttributes(typeof(JsonPropertyNameAttribute), false)
                .Cast<JsonPropertyNameAttribute>().Single().Name);

        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(4096);
        private readonly Utf8JsonWriter _json;
        private readonly Dictionary<object, string> _contents = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, JsonEncodedText> _texts = new(ReferenceEqualityComparer.Instance);

        public Writer() => _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = Relaxed, SkipValidation = true });

        public string Write(List<PlanStep> steps, int after, TimeSpan shift)
        {
            _buffer.ResetWrittenCount();
            _json.Reset();
            var w = _json;
            w.WriteStartArray();
            foreach (var s in steps)
            {
                if (s.Order <= after)
                    continue;
                w.WriteStartObject();
                w.WriteNumber(OrderName, s.Order);
                w.WriteString(TitleName, Text(s.Title));
                w.WriteString(LabelName, Text(s.Label));
                w.WriteString(FromName, s.DueFrom - shift);
                w.WriteString(ToName, s.DueTo - shift);
                if (s.ScriptKey is not null)
                    w.WriteString(ScriptName, Text(s.ScriptKey));
                w.WriteNumber(ChannelName, (int)s.FirstChannel);
                if (s.NodeId is { } node && s.SourceNodeIds == node.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    w.WriteNumber(NodeName, node);
                else
                {
                    w.WriteString(SourceName, s.SourceNodeIds);
                    if (s.NodeId is { } own)
                        w.WriteNumber(NodeName, own);
                    else
                    {
                        w.WritePropertyName(QuestionsName);
                        w.WriteRawValue(Content(s.Questions), skipInputValidation: true);
                        w.WritePropertyName(TriggersName);
                        w.WriteRawValue(Content(s.Triggers), skipInputValidation: true);
                        w.WritePropertyName(ChannelsName);
                        w.WriteRawValue(Content(s.Channels), skipInputValidation: true);
                    }
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.Flush();
            return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }

        private JsonEncodedText Text(string s)
        {
            if (!_texts.TryGetValue(s, out var encoded))
                _texts[s] = encoded = JsonEncodedText.Encode(s, Relaxed);
            return encoded;
        }

        private string Content<T>(List<T> list)
        {
            if (!_contents.TryGetValue(list, out var json))
                _contents[list] = json = JsonSerializer.Serialize(list, Json);
            return json;
        }
    }

    private static readonly System.Text.Encodings.Web.JavaScriptEncoder Relaxed = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// The later steps stored as JSON; a reference needs what it refers to: the overload with sources.
    public static List<LaterStep> Read(string? json) =>
        string.IsNullOrEmpty(json) ? []
        : IsComputed(json) || IsShared(json) ? throw new InvalidOperationException("Later steps stored as a reference need their sources: LaterSteps.Read(stored, anchor, sources).")
        : JsonSerializer.Deserialize<List<LaterStep>>(json, Json) ?? [];

    /// The later steps as stored: the JSON, computed from the plan's frozen pathway version, or the shared text's steps,
    /// at the plan's anchor time (sources from SourcesAsync).
    public static List<LaterStep> Read(string? stored, DateTime anchor, LaterStepSources sources) =>
        IsComputed(stored) ? ComputedLaterSteps.Expand(stored!, anchor, sources.Versions)
        : IsShared(stored) ? SharedLaterSteps.Expand(stored!, anchor, sources.Shared)
        : Read(stored);

    /// Whether the stored later steps are a reference to the plan's pathway version rather than JSON.
    public static bool IsComputed(string? stored) => ComputedLaterSteps.Is(stored);

    /// Whether the stored later steps are a reference to a shared text (PlanContent) rather than JSON.
    public static bool IsShared(string? stored) => SharedLaterSteps.Is(stored);

    /// The pathway versions and shared texts that the stored later steps refer to (no query for a kind none refers to).
    public static async Task<LaterStepSources> SourcesAsync(SuifangDbContext db, IEnumerable<string?> stored, CancellationToken ct)
    {
        var list = stored as IReadOnlyCollection<string?> ?? stored.ToList();
        return new LaterStepSources(await ComputedLaterSteps.VersionsAsync(db, list, ct), await SharedLaterSteps.LoadAsync(db, list, ct));
    }

    /// How many later steps are stored (for counts on list pages); a reference says so itself.
    public static int Count(string? stored) =>
        IsComputed(stored) ? ComputedLaterSteps.Reference.Parse(stored!).Count
        : IsShared(stored) ? SharedLaterSteps.Reference.Parse(stored!).Count
        : Read(stored).Count;

    /// What to store after some later steps became rows: null when none are left, a shorter reference when the stored
    /// one was a reference and the rest is its tail, otherwise the JSON of the rest.
    public static string? Rest(string? stored, IReadOnlyList<LaterStep> all, IReadOnlyList<LaterStep> left) =>
        (IsComputed(stored) ? ComputedLaterSteps.Rest(stored!, all, left) : IsShared(stored) ? SharedLaterSteps.Rest(stored!, all, left) : null)
        ?? Write(left);

    /// The numbers of a reference "&lt;mark&gt;a:b:…" (ComputedLaterSteps, SharedLaterSteps); `kind` names it in the error.
    internal static long[] ReferenceParts(string stored, char mark, int count, string kind)
    {
        var parts = stored.Length > 1 && stored[0] == mark ? stored[1..].Split(':') : [];
        if (parts.Length != count)
            throw new FormatException($"Not a {kind} later-steps reference: {stored}");
        return parts.Select(p => long.Parse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// Whether `left` is the end of `all` (the same step objects): a reference can then be shortened instead of rewritten.
    internal static bool IsTail(IReadOnlyList<LaterStep> all, IReadOnlyList<LaterStep> left)
    {
        for (var i = 0; i < left.Count; i++)
            if (!ReferenceEquals(left[i], all[all.Count - left.Count + i]))
                return false;
        return true;
    }

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
        SourceNodeIds = s.SourceNodeIds ?? s.NodeId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
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
        if (string.IsNullOrEmpty(plan.LaterSteps))
            return [];
        var sources = await SourcesAsync(db, [plan.LaterSteps], ct);
        var later = Read(plan.LaterSteps, plan.AnchorTime, sources);
        var nodes = sources.Versions.Values.SelectMany(v => v).ToDictionary(n => n.Id);
        var nodeIds = later.Where(s => s.NodeId is { } id && !nodes.ContainsKey(id)).Select(s => s.NodeId!.Value).Distinct().ToList();
        if (nodeIds.Count > 0)
            foreach (var node in await db.Set<PathwayNode>().AsNoTracking().Where(n => EF.Parameter(nodeIds).Contains(n.Id)).ToListAsync(ct))
                nodes[node.Id] = node;
        var open = plan.Status is PlanStatus.Active or PlanStatus.Scheduled;
        return later.Select(s =>
        {
            var step = ToStep(s, plan.Id, open ? StepStatus.Waiting : StepStatus.Cancelled);
            step.Node = s.NodeId is { } id ? nodes.GetValueOrDefault(id) : null;
            return step;
        }).ToList();
    }
}

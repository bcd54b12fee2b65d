using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Plans.Upcoming;

/// The shared form of FollowUpPlan.LaterSteps, "#content:first:count": the later steps are `count` steps from index
/// `first` of a shared text (PlanContent) that holds them as LaterSteps JSON with their times counted from the plan's
/// anchor (written as if the anchor were Epoch). Merged and changed plans (those that cannot compute their later steps
/// from one pathway version, ComputedLaterSteps) of patients with the same pathways and anchor day share one text. The
/// times are exact: the stored offset is the built step's time minus the anchor, not computed again.
internal static class SharedLaterSteps
{
    public const char Mark = '#';

    /// The anchor every shared text's times are counted from.
    public static readonly DateTime Epoch = new(2000, 1, 1);

    public readonly record struct Reference(long ContentId, int First, int Count)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Mark}{ContentId}:{First}:{Count}");

        public static Reference Parse(string stored)
        {
            var n = LaterSteps.ReferenceParts(stored, Mark, 3, "shared");
            return new Reference(n[0], checked((int)n[1]), checked((int)n[2]));
        }
    }

    public static bool Is(string? stored) => stored is { Length: > 0 } && stored[0] == Mark;

    /// Whether the plan's later steps can be shared: PostgreSQL keeps the anchor to the microsecond, so a finer anchor
    /// would not give the same times after a round trip.
    public static bool CanShare(FollowUpPlan plan) => plan.AnchorTime.Ticks % TimeSpan.TicksPerMicrosecond == 0;

    /// How far the stored times are moved: stored = actual − Shift(anchor).
    public static TimeSpan Shift(DateTime anchor) => anchor - Epoch;

    /// The later steps a reference stands for, at the plan's anchor.
    public static List<LaterStep> Expand(string stored, DateTime anchor, IReadOnlyDictionary<long, List<LaterStep>> shared)
    {
        var r = Reference.Parse(stored);
        var steps = shared.TryGetValue(r.ContentId, out var found) ? found
            : throw new InvalidOperationException($"Shared later steps {r.ContentId} were not loaded (LaterSteps.SourcesAsync).");
        if (r.First + r.Count > steps.Count)
            throw new InvalidOperationException($"Shared later steps {r.ContentId} hold {steps.Count} steps, fewer than {stored} needs.");
        var shift = Shift(anchor);
        var result = new List<LaterStep>(r.Count);
        for (var i = r.First; i < r.First + r.Count; i++)
            result.Add(steps[i] with { DueFrom = steps[i].DueFrom + shift, DueTo = steps[i].DueTo + shift });
        return result;
    }

    /// What is left of a reference after its first steps became rows: the same text from a later index when the rest is
    /// its tail.
    public static string? Rest(string stored, IReadOnlyList<LaterStep> all, IReadOnlyList<LaterStep> left)
    {
        if (left.Count == 0 || !LaterSteps.IsTail(all, left))
            return null;
        var r = Reference.Parse(stored);
        return (r with { First = r.First + r.Count - left.Count, Count = left.Count }).ToString();
    }

    /// The shared texts the stored later steps refer to, read once each (no query when none does).
    public static async Task<Dictionary<long, List<LaterStep>>> LoadAsync(SuifangDbContext db, IEnumerable<string?> stored, CancellationToken ct)
    {
        var ids = stored.Where(Is).Select(s => Reference.Parse(s!).ContentId).Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var texts = await db.PlanContents.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.Id)).Select(c => new { c.Id, c.Text }).ToListAsync(ct);
        return texts.ToDictionary(t => t.Id, t => LaterSteps.Read(t.Text));
    }
}

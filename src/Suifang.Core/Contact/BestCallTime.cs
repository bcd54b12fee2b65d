namespace Suifang.Core.Contact;

/// 最佳呼叫时间: the hour of day at which a patient answered before. Each reached call counts for its hour; the counts
/// are smoothed with the neighbouring hours (¼, ½, ¼) so that 10:40 and 11:10 support each other. With at least
/// MinimumReachedCalls, the hour with the highest smoothed count is the best hour (the earliest on a tie).
/// A due call is postponed to the first callable moment of that hour today when that moment is ahead, inside calling
/// hours, allowed by every other rule, no later than the task's DueTo, and the current hour scores lower.
public static class BestCallTime
{
    public const int MinimumReachedCalls = 2;

    public static double[] Histogram(IEnumerable<DateTime> reachedAt)
    {
        var counts = new double[24];
        foreach (var t in reachedAt)
            counts[t.Hour]++;
        var smoothed = new double[24];
        for (var h = 0; h < 24; h++)
            smoothed[h] = 0.5 * counts[h] + 0.25 * (h > 0 ? counts[h - 1] : 0) + 0.25 * (h < 23 ? counts[h + 1] : 0);
        return smoothed;
    }

    public static int? BestHour(IReadOnlyCollection<DateTime> reachedAt)
    {
        if (reachedAt.Count < MinimumReachedCalls)
            return null;
        var scores = Histogram(reachedAt);
        var best = 0;
        for (var h = 1; h < 24; h++)
            if (scores[h] > scores[best])
                best = h;
        return best;
    }

    public static (int Hour, DateTime At)? PostponeTo(ContactPolicy policy, ContactTask task, ContactFacts facts, DateTime now)
    {
        var reached = facts.ReachedCalls.Select(r => r.At).ToList();
        if (BestHour(reached) is not { } hour)
            return null;
        var scores = Histogram(reached);
        if (now.Hour == hour || scores[now.Hour] >= scores[hour])
            return null;
        var hourStart = now.Date.AddHours(hour);
        if (hourStart.AddHours(1) <= now)
            return null;
        var at = policy.Schedule.NextCallMoment(hourStart > now ? hourStart : now);
        if (at is not { } m || m >= hourStart.AddHours(1) || m <= now || m > task.DueTo
            || !ContactRules.HardRulesAllow(policy, task, facts, now, m))
            return null;
        return (hour, m);
    }
}

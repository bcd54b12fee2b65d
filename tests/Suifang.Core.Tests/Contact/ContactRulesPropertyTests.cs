using Suifang.Core.Contact;
using Suifang.Core.Tasks;

namespace Suifang.Core.Tests.Contact;

/// Property-style tests (issue #3): seeded random hospitals, patients and moments, thousands of cases each.
/// The oracle re-reads the settings text, so a fault in CallingSchedule or ContactRules shows as a disagreement.
public sealed class ContactRulesPropertyTests
{
    private const int Cases = 4_000;

    [Fact]
    public void The_gate_never_allows_a_contact_that_breaks_hours_holidays_quiet_periods_the_cap_or_the_no_repeat_window()
    {
        var allowed = 0;
        for (var seed = 0; seed < Cases; seed++)
        {
            var (r, settings, holidays, oracle) = Hospital(seed);
            var policy = ContactPolicy.From(settings, holidays);
            var now = r.Moment(Schedules.Monday);
            var task = r.Task(now);
            var facts = r.Facts(now);
            if (ContactRules.Decide(policy, task, facts, now) is ContactDecision.Allowed)
            {
                allowed++;
                Assert.True(oracle.HardRulesAllow(task, facts, now, now), $"seed {seed}: allowed {task.Channel} at {now:yyyy-MM-dd HH:mm:ss} against the rules");
            }
        }
        Assert.InRange(allowed, Cases / 20, Cases - Cases / 20); // both answers occur, so the property is not vacuous
    }

    [Fact]
    public void The_next_allowed_moment_the_gate_proposes_is_itself_allowed_and_nothing_earlier_is()
    {
        var postponed = 0;
        for (var seed = 0; seed < Cases; seed++)
        {
            var (r, settings, holidays, oracle) = Hospital(seed);
            var policy = ContactPolicy.From(settings, holidays);
            var now = r.Moment(Schedules.Monday);
            var task = r.Task(now);
            var facts = r.Facts(now);
            if (ContactRules.Decide(policy, task, facts, now) is not ContactDecision.Postpone p)
                continue;
            postponed++;
            Assert.True(p.Until > now, $"seed {seed}");
            Assert.True(oracle.HardRulesAllow(task, facts, now, p.Until), $"seed {seed}: proposed {p.Until:yyyy-MM-dd HH:mm:ss} is not allowed ({p.Reason})");
            Assert.True(ContactRules.HardRulesAllow(policy, task, facts, now, p.Until), $"seed {seed}");
            var bestTime = p.Reason.Contains("接听电话", StringComparison.Ordinal);
            if (bestTime)
            {
                Assert.True(p.Until <= task.DueTo && p.Until.Date == now.Date, $"seed {seed}: best-time postponement {p.Until} outside today or DueTo {task.DueTo}");
                continue;
            }
            // Earliest: no moment between now and the proposal is allowed (sampled).
            var span = (p.Until - now).Ticks;
            for (var i = 0; i < 40; i++)
            {
                var t = now.AddTicks((long)(span * (i / 40.0)));
                t = t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));
                if (t < now)
                    continue;
                Assert.False(oracle.HardRulesAllow(task, facts, now, t), $"seed {seed}: {t:yyyy-MM-dd HH:mm:ss} was allowed before the proposed {p.Until:yyyy-MM-dd HH:mm:ss}");
            }
        }
        Assert.True(postponed > Cases / 4);
    }

    [Fact]
    public void A_simulated_patient_is_never_contacted_above_the_cap_outside_hours_or_within_the_no_repeat_window()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var (r, settings, holidays, oracle) = Hospital(seed + 100_000);
            settings.BestTimeEnabled = seed % 2 == 0;
            var policy = ContactPolicy.From(settings, holidays);
            var random = new Random(seed);
            var attempts = new List<ContactAttempt>();
            var reached = new List<ReachedCall>();
            var tasks = Enumerable.Range(1, 6).Select(id => r.Task(Schedules.Monday) with { Id = id, DueTo = Schedules.Monday.AddDays(40) }).ToList();
            var nextTry = tasks.ToDictionary(t => t.Id, _ => Schedules.Monday.AddMinutes(random.Next(0, 3 * 24 * 60)));
            var done = new HashSet<long>();
            var clock = Schedules.Monday;
            while (clock < Schedules.Monday.AddDays(30) && done.Count < tasks.Count)
            {
                var task = tasks.Where(t => !done.Contains(t.Id)).MinBy(t => nextTry[t.Id])!;
                clock = nextTry[task.Id] > clock ? nextTry[task.Id] : clock;
                var facts = new ContactFacts(null, ConsentState.Given, null, attempts.ToList(), reached.ToList(), null);
                switch (ContactRules.Decide(policy, task, facts, clock))
                {
                    case ContactDecision.Postpone p:
                        nextTry[task.Id] = p.Until;
                        break;
                    case ContactDecision.Allowed:
                        Assert.True(oracle.HardRulesAllow(task, facts, clock, clock), $"seed {seed}: {task.Channel} at {clock}");
                        attempts.Add(new ContactAttempt(task.Id, clock));
                        if (random.Next(3) == 0)
                        {
                            done.Add(task.Id);
                            if (task.IsVoice)
                                reached.Add(new ReachedCall(task.Id, task.PlanStepId, clock));
                        }
                        else
                            nextTry[task.Id] = clock.AddMinutes(random.Next(10, 180));
                        break;
                    default:
                        throw new InvalidOperationException("nothing refuses here");
                }
            }
            foreach (var day in attempts.GroupBy(a => a.At.Date))
                Assert.True(day.Select(a => a.TaskId).Distinct().Count() <= settings.DailyContactCap, $"seed {seed}: {day.Key:yyyy-MM-dd} above the cap");
            Assert.NotEmpty(attempts);
        }
    }

    private static (RandomRules R, ContactSettings Settings, List<DateOnly> Holidays, Oracle Oracle) Hospital(int seed)
    {
        var r = new RandomRules(seed);
        var settings = r.Settings();
        // Only settings the settings page would save (e.g. quiet periods may not cover every calling period).
        while (ContactSettingsRules.Check(ContactSettingsInput.From(settings)).Count > 0)
            settings = r.Settings();
        var holidays = r.Holidays(Schedules.Monday);
        return (r, settings, holidays, new Oracle(settings, holidays));
    }
}

using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.Core.Tests.Contact;

/// The gate on the database decides as the rules do on the same history written in memory: random histories of
/// tasks, attempts and consent (seeded), on both providers. Guards the queries that load a patient's facts.
public sealed class ContactFactsLoaderTests
{
    private const int Patients = 40;

    [Theory, ClassData(typeof(Providers))]
    public async Task The_database_gate_agrees_with_the_rules_on_random_histories(DatabaseProvider provider)
    {
        await using var w = await ContactWorld.CreateAsync(provider);
        var policy = ContactPolicy.From(ContactSettings.Defaults(w.H.Hospital.Id), ChineseHolidays.Seed.Select(h => h.Date));
        var disagreements = new List<string>();
        var kinds = new HashSet<string>();
        for (var seed = 0; seed < Patients; seed++)
        {
            var r = new Random(seed);
            var now = Schedules.Monday.AddDays(r.Next(0, 4)).AddMinutes(r.Next(8 * 60, 21 * 60));
            var patient = await w.PatientAsync($"患者{seed}", $"1390000{seed:D4}");
            var attempts = new List<ContactAttempt>();
            var reached = new List<ReachedCall>();
            for (var k = 0; k < r.Next(0, 5); k++)
            {
                var channel = (ChannelKind)r.Next(1, 5);
                var state = r.Next(3) == 0 ? TaskState.Completed : TaskState.Unreached;
                var times = Enumerable.Range(0, r.Next(1, 3)).Select(_ => now.Date.AddDays(-r.Next(0, 6)).AddMinutes(r.Next(9 * 60, 20 * 60)))
                    .Where(t => t <= now).Order().ToArray();
                var task = await w.TaskAsync(patient, channel, state, attempts: times);
                attempts.AddRange(times.Where(t => t >= now.Date).Select(t => new ContactAttempt(task.Id, t)));
                if (state == TaskState.Completed && channel is ChannelKind.AiCall or ChannelKind.Manual)
                    reached.Add(new ReachedCall(task.Id, null, times.Length > 0 ? times[^1] : task.FinishedAt!.Value));
            }
            var consent = (ConsentState)r.Next(0, 3);
            if (consent != ConsentState.NotRecorded)
            {
                await using var db = w.H.Database.NewContext();
                var decision = consent == ConsentState.Given ? ConsentDecision.Given : ConsentDecision.Withdrawn;
                await FollowUpConsents.RecordAsync(db, w.H.Admin(), patient.Id, new ConsentInput(decision, ConsentMethod.Paper, Schedules.Monday.AddDays(-20), null), Schedules.Monday.AddDays(-20));
            }
            var checkedTask = await w.TaskAsync(patient, (ChannelKind)r.Next(1, 5), dueTo: now.AddHours(r.Next(1, 30)));
            var facts = new ContactFacts(null, consent, consent == ConsentState.NotRecorded ? null : Schedules.Monday.AddDays(-20), attempts, reached, null);

            var expected = ContactRules.Decide(policy, ContactTask.Of(checkedTask), facts, now);
            var actual = await w.CheckAsync(checkedTask, now);
            kinds.Add(actual.GetType().Name);
            if (!Equals(expected, actual))
                disagreements.Add($"seed {seed} at {now:yyyy-MM-dd HH:mm}: expected {expected}, database gave {actual}");
        }
        Assert.Empty(disagreements);
        Assert.Equal(3, kinds.Count);
    }
}

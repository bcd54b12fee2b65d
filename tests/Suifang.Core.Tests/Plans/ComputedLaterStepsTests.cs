using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Plans.CancelPlan;
using Suifang.Core.Plans.CreatePlans;
using Suifang.Core.Plans.ListPlans;
using Suifang.Core.Plans.Upcoming;
using Suifang.Testing;
using static Suifang.Testing.TestPathways;

namespace Suifang.Core.Tests.Plans;

/// Computed and shared later steps (bench/README.md plan-create, rounds 6 and 7): a plan made from one pathway version
/// whose later steps are exactly that version's nodes after the anchor stores a short reference instead of their JSON, and
/// the steps are computed from the frozen version when needed; any other plan refers to a shared text (PlanContent) of
/// its later steps counted from its anchor, which plans with the same steps share. Property-style: random pathways (offsets out of order, windows, visit,
/// discharge and surgery anchors, SMS-only nodes), random patients, anchors and options (SMS off, redials, moved and
/// removed steps, a set start, a second plan on the same patient) are planned twice on fresh databases — once with the
/// references where they apply, once with the JSON for every plan — and everything a reader sees must be the same: the
/// plan page (7.2.1.1 e) with its merge notes, the list counts, the second plan's call days (7.2.1.2 c), and after each run of the plan job
/// up to half a year on, every step row and every task (7.2.1.1 c, 7.2.2).
public sealed class ComputedLaterStepsTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0);

    public static TheoryData<DatabaseProvider, int> Worlds()
    {
        var data = new TheoryData<DatabaseProvider, int>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var seed in new[] { 11, 5, 37 })
                data.Add(provider, seed);
        return data;
    }

    [Theory, MemberData(nameof(Worlds))]
    public async Task Steps_and_tasks_made_from_computed_later_steps_equal_those_made_from_the_stored_json(DatabaseProvider provider, int seed)
    {
        var stored = await RunAsync(provider, seed, computed: false);
        var computed = await RunAsync(provider, seed, computed: true);

        Assert.Equal(0, stored.Computed);
        Assert.Equal(0, stored.Shared);
        Assert.True(computed.Computed > 0, "no plan used the computed form");
        Assert.True(computed.Shared > 0, "no plan used the shared form (merged or changed plans must)");
        Assert.True(computed.SharedTexts < computed.Shared, "no two plans share a text");
        Assert.Equal(stored.Snapshots.Count, computed.Snapshots.Count);
        for (var i = 0; i < stored.Snapshots.Count; i++)
            Assert.Equal(stored.Snapshots[i], computed.Snapshots[i]);
    }

    private sealed record World(List<string> Snapshots, int Computed, int Shared, int SharedTexts);

    private static async Task<World> RunAsync(DatabaseProvider provider, int seed, bool computed)
    {
        var rng = new Random(seed);
        await using var hospital = await TestHospital.CreateAsync(provider);
        await using var db = hospital.Database.NewContext();
        db.Actor = Core.Audit.AuditActor.System("test");
        var pathways = await AddAsync(db, RandomPathway(rng, hospital, "a"), RandomPathway(rng, hospital, "b"));
        var builders = new List<PatientBuilder>();
        for (var i = 0; i < 40; i++)
        {
            var at = Now.Date.AddDays(rng.Next(-3, 3)).AddSeconds(rng.Next(0, 86_400));
            builders.Add(rng.Next(6) == 0 ? hospital.Patient().OutpatientOn(at, hospital.Cardiology.Id) : hospital.Patient().DischargedOn(at, hospital.Cardiology.Id));
        }
        var patients = await hospital.AddAsync([.. builders]);
        var snapshots = new List<string>();

        // Two rounds of plans: the second gives some patients another plan, which must see the first one's later calls.
        foreach (var round in new[] { 1, 2 })
        {
            var chosen = round == 1 ? patients : patients.Where(_ => rng.Next(4) == 0).ToList();
            var inputs = await PlanInputs.PatientsAsync(db, chosen.Select(p => p.Id), default);
            var builds = new List<PlanBuild>();
            foreach (var patient in chosen)
            {
                var which = round == 2 ? [pathways[1]] : rng.Next(7) switch { 0 => [pathways[0], pathways[1]], 1 => [pathways[1]], _ => new List<Pathway> { pathways[0] } };
                var options = RandomOptions(rng);
                var build = PlanBuilder.Build(new PlanRequest(inputs[patient.Id], PlanEncounter.Of(patient.Encounters[0]), which, options), Now);
                PlanInputs.Remember(inputs[patient.Id], build);
                builds.Add(build);
                snapshots.Add($"round {round} patient {patient.Id}: " + (build.Plan is { } plan
                    ? string.Join(" / ", plan.Steps.Select(s => $"{s.Order} {s.Label} {s.DueFrom:s}")) : build.RefusalText));
            }
            await PlanWriter.SaveAsync(db, builds, "测试", Now, default, computedLaterSteps: computed);
            db.ChangeTracker.Clear();
        }
        var forms = await db.Plans.AsNoTracking().Select(p => p.LaterSteps).ToListAsync();
        snapshots.Add(await ReadersAsync(db, hospital));

        // Cancel and stop a few plans: their later steps show as cancelled and are never made.
        var planIds = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        foreach (var id in planIds.Where(_ => rng.Next(8) == 0))
            await CancelPlan.RunAsync(db, hospital.Supervisor(), new CancelPlanCommand(id, "测试", Stop: rng.Next(2) == 0), Now, default);
        db.ChangeTracker.Clear();
        snapshots.Add(await ReadersAsync(db, hospital));

        foreach (var days in new[] { 0.0, 1, 2.5, 4, 7.25, 10, 20, 35, 60, 100, 200 })
        {
            await UpcomingSteps.CreateTasksAsync(db, Now.AddDays(days), default);
            db.ChangeTracker.Clear();
            snapshots.Add($"after the job at +{days} days\n" + await RowsAsync(db) + await ReadersAsync(db, hospital));
        }
        var texts = forms.Where(LaterSteps.IsShared).Select(f => f!.Split(':')[0]).Distinct().Count();
        return new World(snapshots, forms.Count(LaterSteps.IsComputed), forms.Count(LaterSteps.IsShared), texts);
    }

    private static Pathway RandomPathway(Random rng, TestHospital hospital, string key)
    {
        var nodes = new List<PathwayNode>();
        var count = rng.Next(3, 8);
        for (var i = 0; i < count; i++)
        {
            // Mostly increasing offsets, sometimes out of order or on the same day as the one before.
            var offset = rng.Next(5) == 0 ? rng.Next(0, 60) : (i + 1) * rng.Next(1, 20);
            ChannelStep[] channels = rng.Next(6) switch
            {
                0 => [TestPathways.Sms()],
                1 => [Manual()],
                2 => [TestPathways.Sms(), AiCall(1)],
                3 => [AiCall(rng.Next(0, 4), 30), TestPathways.Sms(24), Manual()],
                _ => [AiCall(2)],
            };
            var anchor = rng.Next(8) switch { 0 => AnchorEvent.Visit, 1 => AnchorEvent.Surgery, _ => AnchorEvent.Discharge };
            var node = Node($"{key} 第{i + 1}次", offset, rng.Next(0, 5), channels: channels, anchor: anchor);
            node.OffsetUnit = rng.Next(6) == 0 ? OffsetUnit.Week : OffsetUnit.Day;
            node.ScriptKey = rng.Next(2) == 0 ? null : $"script-{key}-{i}";
            nodes.Add(node);
        }
        return Pathway(hospital.Hospital.Id, hospital.Cardiology.Id, key, $"路径 {key}", "I20-I25", [.. nodes]);
    }

    private static PlanOptions RandomOptions(Random rng) => new()
    {
        SmsEnabled = rng.Next(6) != 0,
        Redials = rng.Next(4) == 0 ? rng.Next(0, 4) : null,
        RedialIntervalMinutes = rng.Next(4) == 0 ? 30 : null,
        SmsTemplate = rng.Next(5) == 0 ? "您好，{患者}，请接听随访电话。" : null,
        StartAt = rng.Next(7) == 0 ? Now.AddHours(rng.Next(1, 120)) : null,
        RemovedSteps = rng.Next(6) == 0 ? new HashSet<int> { rng.Next(1, 5) } : new HashSet<int>(),
        ShiftDays = rng.Next(6) == 0 ? new Dictionary<int, int> { [rng.Next(1, 5)] = rng.Next(-3, 10) } : new Dictionary<int, int>(),
    };

    /// The step rows and task rows, every column a reader or the engine uses.
    private static async Task<string> RowsAsync(SuifangDbContext db)
    {
        var text = new StringBuilder();
        foreach (var s in await db.PlanSteps.AsNoTracking().OrderBy(s => s.PlanId).ThenBy(s => s.Order).ToListAsync())
            text.Append(CultureInfo.InvariantCulture, $"step {s.Id} plan {s.PlanId} #{s.Order} {s.Title}|{s.Label}|{s.DueFrom:O}|{s.DueTo:O}|after {s.DependsOnStepId}|"
                + $"{s.SourceNodeIds}|{s.ScriptKey}|node {s.NodeId}|{s.FirstChannel}|{s.Status}|{Json(s.Questions)}|{Json(s.Triggers)}|{Json(s.Channels)}\n");
        foreach (var t in await db.Tasks.AsNoTracking().OrderBy(t => t.Id).ToListAsync())
            text.Append(CultureInfo.InvariantCulture, $"task {t.Id} plan {t.PlanId} step {t.PlanStepId} {t.Channel}#{t.ChannelIndex} {t.Queue} {t.State} p{t.Priority} "
                + $"{t.DueFrom:O}..{t.DueTo:O} next {t.NextAttemptAt:O} notice {t.NoticeAt:O} max {t.MaxAttempts} every {t.RetryIntervalMinutes} "
                + $"{t.IdempotencyKey.Split(':')[0]} {t.Message} {t.CreatedAt:O}\n");
        foreach (var p in await db.Plans.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
            text.Append(CultureInfo.InvariantCulture, $"plan {p.Id} {p.Status} from {p.LaterStepsFrom:O} closed {p.ClosedAt:O}\n");
        return text.ToString();
    }

    /// What the readers of later steps show: the plan page of every plan, the list's step counts, and the call days the
    /// planner sees for every patient.
    private static async Task<string> ReadersAsync(SuifangDbContext db, TestHospital hospital)
    {
        var text = new StringBuilder();
        var scope = hospital.Supervisor();
        foreach (var id in await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync())
        {
            var page = (await OpenPlan.RunAsync(db, scope, id, default)).Value!;
            text.Append(CultureInfo.InvariantCulture, $"page {id} {page.Goal} E_p {page.Figures}\n").AppendJoin('\n', page.Plan.MergeNotes).Append('\n');
            foreach (var v in page.Steps)
                text.Append(CultureInfo.InvariantCulture, $"  {v.Step.Id} #{v.Step.Order} {v.Step.Title}|{v.Step.Label}|{v.Step.DueFrom:yyyy-MM-dd HH:mm:ss.fffffff}|"
                    + $"{v.Step.DueTo:yyyy-MM-dd HH:mm:ss.fffffff}|after #{v.DependsOnOrder}|{v.Step.SourceNodeIds}|{v.Step.ScriptKey}|node {v.Step.NodeId}|"
                    + $"{v.Step.FirstChannel}|{v.Step.Status}|{Json(v.Questions)}|{Json(v.Triggers)}|{Json(v.Channels)}|tasks {v.Tasks.Count}\n");
        }
        var list = await PlanList.RunAsync(db, scope, new PlanListQuery { PageSize = 200 }, default);
        text.Append("list ").AppendJoin(",", list.Items.Select(r => $"{r.Id}:{r.Steps}/{r.StepsDone}")).Append('\n');
        var patients = await db.Patients.Select(p => p.Id).ToListAsync();
        foreach (var (id, patient) in (await PlanInputs.PatientsAsync(db, patients, default)).OrderBy(p => p.Key))
            text.Append(CultureInfo.InvariantCulture, $"patient {id} calls {string.Join(",", patient.CallDays.Order())} open {string.Join(",", patient.OpenPlans.Order())}\n");
        return text.ToString();
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}

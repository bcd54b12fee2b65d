using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Calls.Journal;
using Suifang.Core.Data;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Calls;

/// The call record on both providers: the effect key is unique (the idempotency key, 7.2.2), turns and answers are
/// stored as the call goes, a corrected answer replaces the earlier one, and the end is audited.
public sealed class CallJournalTests
{
    private static async Task<(TaskWorld World, CallStart Start)> StartAsync(DatabaseProvider provider)
    {
        var world = await TaskWorld.CreateAsync(provider);
        var patient = (await world.PatientsAsync(1))[0];
        var task = await world.TaskAsync(patient);
        var start = new CallStart(task.Id, 1, $"task:{task.Id}:attempt:1", task.HospitalId, task.CampusId, task.DepartmentId, patient,
            null, null, "D+7", "pci.d7", 2, "模拟电话网络", true, "cipher", "139****0001", world.Now);
        return (world, start);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Beginning_twice_with_one_key_gives_the_first_call_as_a_replay(DatabaseProvider provider)
    {
        var (world, start) = await StartAsync(provider);
        await using var _ = world;
        var journal = new CallJournal(world.NewContext);

        var first = await journal.BeginAsync(start);
        var second = await journal.BeginAsync(start with { At = world.Now.AddMinutes(5) });
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => new CallJournal(world.NewContext).BeginAsync(start)));

        Assert.False(first.Replay);
        Assert.True(second.Replay);
        Assert.Equal(first.Call.Id, second.Call.Id);
        Assert.All(concurrent, c => Assert.Equal(first.Call.Id, c.Call.Id));
        await using var db = world.NewContext();
        var call = await db.Calls.SingleAsync();
        Assert.Equal(world.Now, call.StartedAt);
        Assert.Equal(("pci.d7", 2), (call.ScriptKey, call.ScriptVersion)); // traceability 7.2.5.2
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_database_refuses_a_second_call_with_the_same_effect_key(DatabaseProvider provider)
    {
        var (world, start) = await StartAsync(provider);
        await using var _ = world;
        await new CallJournal(world.NewContext).BeginAsync(start);
        await using var db = world.NewContext();
        db.Calls.Add(new Call { EffectKey = start.EffectKey, TaskId = start.TaskId, PatientId = start.PatientId, HospitalId = start.HospitalId,
            CampusId = start.CampusId, DepartmentId = start.DepartmentId, ScriptKey = "x", Telephony = "x", StartedAt = world.Now });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Exchanges_store_turns_and_a_corrected_answer_replaces_the_earlier_one(DatabaseProvider provider)
    {
        var (world, start) = await StartAsync(provider);
        await using var _ = world;
        var journal = new CallJournal(world.NewContext);
        var call = (await journal.BeginAsync(start)).Call;
        FollowUpResult Answer(string value, string said, int turn) => new()
        {
            HospitalId = start.HospitalId, DepartmentId = start.DepartmentId, PatientId = start.PatientId, QuestionKey = "temperature",
            Value = value, Said = said, Source = ResultSource.AiCall, Period = "D+7", At = world.Now, TurnIndex = turn,
        };

        await journal.ExchangeAsync(new CallExchange(call.Id, [new CallTurn { Index = 0, Speaker = Speaker.Agent, Text = "您好", At = world.Now }], [], world.Now));
        await journal.ExchangeAsync(new CallExchange(call.Id,
            [new CallTurn { Index = 1, Speaker = Speaker.Patient, Text = "没发烧", Intent = "Deny", StartMs = 3000, EndMs = 4000, At = world.Now },
             new CallTurn { Index = 2, Speaker = Speaker.Agent, Text = "好的", StartMs = 4100, EndMs = 4100, ResponseMs = 12, At = world.Now }],
            [Answer("36.8", "没发烧", 1)]));
        await journal.ExchangeAsync(new CallExchange(call.Id,
            [new CallTurn { Index = 3, Speaker = Speaker.Patient, Text = "昨天烧到三十九度", At = world.Now }], []) { Corrections = [Answer("39", "昨天烧到三十九度", 3)] });

        await using var db = world.NewContext();
        var stored = await db.Calls.Include(c => c.Turns).SingleAsync();
        Assert.Equal(CallStatus.Talking, stored.Status);
        Assert.Equal(world.Now, stored.AnsweredAt);
        Assert.Equal([0, 1, 2, 3], stored.Turns.OrderBy(t => t.Index).Select(t => t.Index).ToArray());
        var result = await db.FollowUpResults.SingleAsync();
        Assert.Equal(("39", 3), (result.Value, result.TurnIndex));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Finishing_stores_the_end_todos_and_flag_and_audits_the_call(DatabaseProvider provider)
    {
        var (world, start) = await StartAsync(provider);
        await using var _ = world;
        var journal = new CallJournal(world.NewContext);
        var call = (await journal.BeginAsync(start)).Call;

        await journal.FinishAsync(call, new CallFinish
        {
            CallId = call.Id, End = CallEnd.Refused, EndedAt = world.Now.AddMinutes(2), Summary = "拒绝随访",
            Todos = [new TodoItem { HospitalId = start.HospitalId, DepartmentId = start.DepartmentId, PatientId = start.PatientId, Kind = TodoKind.Handoff,
                Reason = "请回电", Evidence = "我要找护士", Source = "ai-call", CreatedAt = world.Now }],
            Flag = new PatientCallFlag { HospitalId = start.HospitalId, PatientId = start.PatientId, Kind = CallFlagKind.Uncooperative, Reason = "拒绝", At = world.Now },
        });

        await using var db = world.NewContext();
        var stored = await db.Calls.SingleAsync();
        Assert.Equal((CallStatus.Ended, CallEnd.Refused), (stored.Status, stored.End));
        Assert.Equal(call.Id, (await db.Todos.SingleAsync()).CallId);
        Assert.Equal(call.Id, (await db.PatientCallFlags.SingleAsync()).CallId);
        Assert.NotNull(await CallFlags.BlockingAsync(db, start.PatientId, "any", CancellationToken.None));
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "call.record");
        Assert.Contains("不愿配合", audit.Summary);
        Assert.Equal("系统:AI外呼", audit.UserName);
    }

    [Fact]
    public void Each_ending_maps_to_the_task_outcome_the_engine_expects()
    {
        var now = new DateTime(2026, 12, 1, 10, 0, 0);
        Core.Tasks.OutcomeKind Kind(CallEnd end, UnreachedReason? reason = null) =>
            CallOutcomes.ToTaskOutcome(new Call { EffectKey = "k", ScriptKey = "s", Telephony = "t", End = end, Unreached = reason, CallBackAt = now.AddDays(1) }, now).Kind;
        Assert.Equal(Core.Tasks.OutcomeKind.Completed, Kind(CallEnd.Completed));
        Assert.Equal(Core.Tasks.OutcomeKind.Completed, Kind(CallEnd.HandedOff));
        Assert.Equal(Core.Tasks.OutcomeKind.Postponed, Kind(CallEnd.CallLater));
        Assert.Equal(Core.Tasks.OutcomeKind.ToManual, Kind(CallEnd.WrongNumber)); // 5.3.5: a nurse follows up by hand
        Assert.Equal(Core.Tasks.OutcomeKind.Failed, Kind(CallEnd.Deceased));
        Assert.Equal(Core.Tasks.OutcomeKind.ToManual, Kind(CallEnd.Refused));
        Assert.Equal(Core.Tasks.OutcomeKind.Failed, Kind(CallEnd.NotReached, UnreachedReason.InvalidNumber));
        Assert.Equal(Core.Tasks.OutcomeKind.NotReached, Kind(CallEnd.NotReached, UnreachedReason.Busy));
        Assert.Equal(Core.Tasks.OutcomeKind.NotReached, Kind(CallEnd.NoResponse));
        Assert.Equal(Core.Tasks.OutcomeKind.NotReached, Kind(CallEnd.Interrupted));
    }
}

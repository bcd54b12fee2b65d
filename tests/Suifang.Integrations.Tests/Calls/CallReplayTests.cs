using Microsoft.EntityFrameworkCore;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Telephony;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Calls.Journal;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;
using Suifang.Integrations.Calls;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.Integrations.Tests.Calls;

/// The attempt's effect key is the call's idempotency key (7.2.2): whatever point a node stops at, the same attempt never
/// dials twice, and nothing said before the stop is lost.
public sealed class CallReplayTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_second_execution_with_the_same_key_reports_the_first_outcome_and_never_dials(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Cooperative);
        var engine = world.Tasks.Engine(channel: world.Channel);
        var execution = await world.StartAsync(engine, task.Id);

        var first = await world.Channel.ExecuteAsync(execution, CancellationToken.None);
        var second = await world.Channel.ExecuteAsync(execution, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, world.Telephony.Dialled);
        await using var db = world.NewContext();
        Assert.Equal(1, await db.Calls.CountAsync());
        Assert.Equal(3, await db.FollowUpResults.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_node_that_stops_mid_call_loses_no_turn_and_the_resumed_attempt_closes_it_without_dialling(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Feverish);
        var stopping = new StopAfterSays(world.Telephony, says: 3); // the node stops after the temperature answer was stored
        var channel = new AiCallChannel(world.NewContext, stopping, world.Conversations, _ => new FixedScriptLibrary(), world.Tasks.Hospital.Protector,
            new Core.Contact.ContactPolicies(), () => world.Now, new CallsOptions());
        var engine = world.Tasks.Engine(channel: channel);
        var execution = await world.StartAsync(engine, task.Id);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => channel.ExecuteAsync(execution, stopping.Token));

        await using (var db = world.NewContext())
        {
            var cut = await db.Calls.Include(c => c.Turns).SingleAsync();
            Assert.Equal(CallStatus.Talking, cut.Status);
            Assert.Contains(cut.Turns, t => t.Speaker == Speaker.Patient && t.Text.Contains("三十八度六"));
            Assert.Equal("38.6", (await db.FollowUpResults.SingleAsync(r => r.QuestionKey == "temperature")).Value);
        }

        // Another worker takes the task over and runs the same attempt (same key).
        var resumed = await world.Channel.ExecuteAsync(execution, CancellationToken.None);

        Assert.Equal(1, world.Telephony.Dialled);
        Assert.Equal(OutcomeKind.NotReached, resumed.Kind); // redialled later under a new key
        await using var check = world.NewContext();
        var call = await check.Calls.Include(c => c.Turns).SingleAsync();
        Assert.Equal(CallEnd.Interrupted, call.End);
        Assert.Contains("不再拨出", call.Detail);
        Assert.Contains(call.Turns, t => t.Text.Contains("三十八度六"));
        // The fever said before the stop still reaches a nurse.
        var todo = await check.Todos.SingleAsync(t => t.QuestionKey == "temperature");
        Assert.Equal(TodoKind.Abnormal, todo.Kind);
        Assert.Contains("三十八度六", todo.Evidence);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_node_that_stops_after_writing_the_call_but_before_dialling_never_dials_that_attempt(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Cooperative);
        var engine = world.Tasks.Engine(channel: world.Channel);
        var execution = await world.StartAsync(engine, task.Id);
        var journal = new CallJournal(world.NewContext);
        var t = execution.Task;
        await journal.BeginAsync(new CallStart(t.Id, execution.AttemptNumber, execution.EffectKey, t.HospitalId, t.CampusId, t.DepartmentId,
            t.PatientId, t.PlanId, t.PlanStepId, "D+3", "generated:x", 1, "模拟电话网络", true, "", "139****0000", world.Now));

        var outcome = await world.Channel.ExecuteAsync(execution, CancellationToken.None);

        Assert.Equal(0, world.Telephony.Dialled);
        Assert.Equal(OutcomeKind.NotReached, outcome.Kind);
        await using var db = world.NewContext();
        Assert.Contains("拨号时系统中断", (await db.Calls.SingleAsync()).Detail);
    }

    [Fact]
    public async Task A_dialogue_that_fails_mid_call_ends_the_call_as_interrupted_and_keeps_what_was_said()
    {
        await using var world = await CallWorld.CreateAsync(DatabaseProvider.Sqlite);
        world.Scripted.ThrowOnReply = 3;
        var task = await world.PatientWithCallAsync(Persona.Cooperative);

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(OutcomeKind.NotReached, outcome.Kind);
        await using var db = world.NewContext();
        var call = await db.Calls.Include(c => c.Turns).SingleAsync();
        Assert.Equal(CallEnd.Interrupted, call.End);
        Assert.Contains("通话出错", call.Detail);
        Assert.Equal(5, call.Turns.Count); // opening + two exchanges stored before the failure
    }

    /// Telephony whose calls cancel the node's token after the agent spoke a number of times (a stop in mid-call).
    private sealed class StopAfterSays(ITelephony inner, int says) : ITelephony
    {
        private readonly CancellationTokenSource _stop = new();
        public CancellationToken Token => _stop.Token;
        public string Name => inner.Name;

        public async Task<DialResult> DialAsync(string number, CallRequest request, CancellationToken ct)
        {
            var result = await inner.DialAsync(number, request, ct);
            return result.Call is null ? result : DialResult.Answered(new Stopping(result.Call, this));
        }

        private sealed class Stopping(IPhoneCall call, StopAfterSays owner) : IPhoneCall
        {
            private int _said;
            public bool HungUp => call.HungUp;
            public string? RecordingPath => call.RecordingPath;
            public ValueTask DisposeAsync() => call.DisposeAsync();
            public Task<PatientInput> ListenAsync(TimeSpan timeout, CancellationToken ct) => call.ListenAsync(timeout, ct);

            public async Task SayAsync(AgentTurn turn, CancellationToken ct)
            {
                if (++_said > owner._says)
                {
                    await owner._stop.CancelAsync();
                    ct.ThrowIfCancellationRequested();
                }
                await call.SayAsync(turn, ct);
            }
        }

        private readonly int _says = says;
    }
}

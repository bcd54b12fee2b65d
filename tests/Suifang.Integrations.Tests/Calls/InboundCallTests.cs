using Microsoft.EntityFrameworkCore;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Telephony;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Core.Todos;
using Suifang.Integrations.Calls;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.Integrations.Tests.Calls;

/// Issue #4 "Inbound call-back" (呼入, 5.1.4): a patient who missed the call calls back; the agent recognises the number
/// and continues the pending follow-up under the task engine's lease, on both providers.
public sealed class InboundCallTests
{
    private static InboundCalls Inbound(CallWorld world) =>
        new(world.NewContext, world.Channel, world.Tasks.Hospital.Protector, () => world.Now, world.Tasks.Options, new CallsOptions());

    private static async Task<string> NumberOfAsync(CallWorld world, long patientId)
    {
        await using var db = world.NewContext();
        return world.Tasks.Hospital.Protector.Unprotect(await db.Patients.Where(p => p.Id == patientId).Select(p => p.PhoneCipher).SingleAsync());
    }

    /// A family: the patient's phone becomes the number another patient has.
    private static async Task SharePhoneAsync(CallWorld world, long patientId, string number)
    {
        await using var db = world.NewContext();
        var patient = await db.Patients.SingleAsync(x => x.Id == patientId);
        db.Actor = Core.Audit.AuditActor.System("测试");
        patient.SetPhone(world.Tasks.Hospital.Protector.Protect(Core.Security.SensitiveKind.Phone, number));
        await db.SaveChangesAsync();
    }

    /// The patient misses the call: the task waits for its redial.
    private static async Task<FollowUpTask> MissedCallAsync(CallWorld world, Persona persona = Persona.Cooperative)
    {
        var task = await world.PatientWithCallAsync(persona);
        world.Telephony.Unreachable(await NumberOfAsync(world, task.PatientId), NotReachedReason.NoAnswer);
        var (_, missed) = await world.RunAsync(task.Id);
        Assert.Equal(OutcomeKind.NotReached, missed.Kind);
        Assert.Equal(TaskState.Pending, (await world.Tasks.LoadAsync(task.Id)).State);
        return task;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_patient_who_missed_the_call_calls_back_and_the_follow_up_is_completed_on_that_call(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await MissedCallAsync(world);
        world.Telephony.Answer(Inbound(world).HandleAsync);
        var dialled = world.Telephony.Dialled;

        Assert.True(await world.Telephony.CallInAsync(await NumberOfAsync(world, task.PatientId), CancellationToken.None));

        Assert.Equal(dialled, world.Telephony.Dialled); // nothing dialled: the patient called us
        await using var db = world.NewContext();
        var after = await db.Tasks.SingleAsync(t => t.Id == task.Id);
        Assert.Equal(TaskState.Completed, after.State); // the redial is gone
        Assert.Null(after.LeaseOwner);
        Assert.Equal(2, after.Attempts);
        var calls = await db.Calls.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([false, true], calls.Select(c => c.Inbound).ToArray());
        var inbound = calls[1];
        Assert.Equal(CallEnd.Completed, inbound.End);
        Assert.Equal(TaskStarts.EffectKey(task.Id, 2), inbound.EffectKey);
        Assert.Equal(3, await db.FollowUpResults.CountAsync(r => r.CallId == inbound.Id));
        Assert.StartsWith(InboundWords.Thanks, (await db.CallTurns.Where(t => t.CallId == inbound.Id).OrderBy(t => t.Index).FirstAsync()).Text);
        Assert.Equal(StepStatus.Done, (await db.PlanSteps.SingleAsync()).Status);
        var log = await db.InboundCalls.SingleAsync();
        Assert.Equal(InboundResult.Continued, log.Result);
        Assert.Equal(inbound.Id, log.CallId);
        Assert.Equal(task.PatientId, log.PatientId);
        Assert.DoesNotContain(await NumberOfAsync(world, task.PatientId), log.NumberCipher);
        Assert.Contains(await db.AuditLog.ToListAsync(), a => a.Action == "call.inbound");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_virtual_patient_who_missed_the_call_calls_back_later_on_the_simulated_network(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider, new PersonaMix { Weights = new() { [Persona.Cooperative] = 1 }, NoAnswerPercent = 100 });
        world.Telephony.CallBackPercent = 100;
        world.Telephony.Answer(Inbound(world).HandleAsync);
        var task = await world.PatientWithCallAsync(Persona.Cooperative);

        var (_, missed) = await world.RunAsync(task.Id);
        Assert.Equal(OutcomeKind.NotReached, missed.Kind);
        Assert.Contains(await NumberOfAsync(world, task.PatientId), world.Telephony.PendingCallBacks.Keys);

        Assert.Equal(1, await world.Telephony.CallBackDueAsync(DateTime.MaxValue, CancellationToken.None));

        Assert.Equal(TaskState.Completed, (await world.Tasks.LoadAsync(task.Id)).State);
        Assert.Empty(world.Telephony.PendingCallBacks);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_unknown_number_gets_a_polite_answer_and_is_kept_for_a_nurse_to_call_back(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        await world.PatientWithCallAsync(Persona.Cooperative);
        var phone = new ScriptedPhoneCall();

        await Inbound(world).HandleAsync(new IncomingCall("13700001234", phone, "测试线路"), CancellationToken.None);

        var said = Assert.Single(phone.Heard);
        Assert.True(said.EndsCall);
        Assert.Contains("回电", said.Say);
        await using var db = world.NewContext();
        Assert.Empty(await db.Calls.ToListAsync());
        var log = await db.InboundCalls.SingleAsync();
        Assert.Equal(InboundResult.UnknownNumber, log.Result);
        Assert.Null(log.PatientId);
        Assert.Null(log.HandledAt); // open until a nurse calls back
        Assert.Equal("137****1234", log.NumberMasked);
        Assert.Equal("13700001234", world.Tasks.Hospital.Protector.Unprotect(log.NumberCipher));
        Assert.Equal(TaskState.Due, (await db.Tasks.SingleAsync()).State); // someone else's task untouched
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_known_patient_with_nothing_pending_gets_a_polite_answer_and_a_nurse_todo(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Cooperative);
        await world.RunAsync(task.Id); // completed: nothing pending any more
        var phone = new ScriptedPhoneCall();

        await Inbound(world).HandleAsync(new IncomingCall(await NumberOfAsync(world, task.PatientId), phone, "测试线路"), CancellationToken.None);

        Assert.Contains("护士会尽快给您回电", Assert.Single(phone.Heard).Say);
        await using var db = world.NewContext();
        var todo = await db.Todos.SingleAsync();
        Assert.Equal(TodoKind.CallBack, todo.Kind);
        Assert.StartsWith(InboundCalls.NothingPendingReason, todo.Reason);
        Assert.Equal(task.PatientId, todo.PatientId);
        Assert.Equal(task.DepartmentId, todo.DepartmentId);
        Assert.Equal(InboundResult.NothingPending, (await db.InboundCalls.SingleAsync()).Result);
        Assert.Equal(1, await db.Calls.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_patient_being_called_right_now_is_not_claimed_twice(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Cooperative);
        await world.StartAsync(world.Tasks.Engine(channel: world.Channel), task.Id); // the dispatcher holds it (Running)
        var phone = new ScriptedPhoneCall();

        await Inbound(world).HandleAsync(new IncomingCall(await NumberOfAsync(world, task.PatientId), phone, "测试线路"), CancellationToken.None);

        Assert.Contains("稍后留意接听", Assert.Single(phone.Heard).Say);
        await using var db = world.NewContext();
        Assert.Equal(InboundResult.Busy, (await db.InboundCalls.SingleAsync()).Result);
        Assert.Equal("worker-1", (await db.Tasks.SingleAsync()).LeaseOwner);
        Assert.Empty(await db.Calls.ToListAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task While_the_patient_talks_to_us_the_dispatcher_cannot_lease_the_task_and_a_crash_never_calls_them_twice(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await MissedCallAsync(world);
        var phone = new ScriptedPhoneCall(PatientInput.Said("是我。")) { BlockAfter = 1 };
        using var crash = new CancellationTokenSource();
        var talking = Inbound(world).HandleAsync(new IncomingCall(await NumberOfAsync(world, task.PatientId), phone, "测试线路"), crash.Token);
        await phone.Blocked.Task;

        // Mid-call: the task is the inbound line's (its lease is renewed while the call lasts); the dispatcher skips it.
        world.Now = world.Now.AddSeconds(30);
        Assert.DoesNotContain(task.Id, await world.Tasks.Engine("worker-2", world.Channel).LeaseAsync(await world.Tasks.QueueAsync(TaskQueues.AiCall), 10, CancellationToken.None));

        // The node stops mid-call; after the lease expires a worker resumes the attempt: it closes the call, never dials.
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => talking);
        world.Now = world.Now.AddMinutes(5);
        var dialled = world.Telephony.Dialled;
        var ran = await world.Tasks.Dispatcher("worker-3", world.Channel).RunRoundAsync(CancellationToken.None);

        Assert.Equal(1, ran);
        Assert.Equal(dialled, world.Telephony.Dialled);
        await using var db = world.NewContext();
        var inbound = await db.Calls.SingleAsync(c => c.Inbound);
        Assert.Equal(CallEnd.Interrupted, inbound.End);
        Assert.Equal(3, await db.CallTurns.CountAsync(t => t.CallId == inbound.Id)); // opening, the reply and the next question kept
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task On_a_family_number_the_caller_chooses_the_patient_by_key(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var first = await world.PatientWithCallAsync(Persona.Cooperative, phone: "13811112222");
        var second = await world.PatientWithCallAsync(Persona.Cooperative);
        await SharePhoneAsync(world, second.PatientId, "13811112222");
        var phone = new ScriptedPhoneCall(PatientInput.Pressed("2"));

        await Inbound(world).HandleAsync(new IncomingCall("13811112222", phone, "测试线路"), CancellationToken.None);

        Assert.Contains("请按2", phone.Heard[0].Say);
        await using var db = world.NewContext();
        var call = await db.Calls.SingleAsync();
        Assert.True(call.Inbound);
        Assert.Equal(second.PatientId, call.PatientId);
        Assert.Equal(TaskState.Due, (await db.Tasks.SingleAsync(t => t.Id == first.Id)).State);
        Assert.Equal(1, (await db.Tasks.SingleAsync(t => t.Id == second.Id)).Attempts);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task On_a_family_number_with_one_follow_up_waiting_that_one_is_taken_without_asking(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var done = await world.PatientWithCallAsync(Persona.Cooperative, phone: "13811113333");
        await world.RunAsync(done.Id);
        var waiting = await MissedCallAsync(world);
        await SharePhoneAsync(world, waiting.PatientId, "13811113333");
        world.Telephony.Assign("13811113333", Persona.Cooperative);
        world.Telephony.Answer(Inbound(world).HandleAsync);

        await world.Telephony.CallInAsync("13811113333", CancellationToken.None);

        Assert.Equal(TaskState.Completed, (await world.Tasks.LoadAsync(waiting.Id)).State);
    }

    [Fact]
    public void The_choice_is_understood_by_key_by_full_name_and_by_given_name()
    {
        string[] names = ["张建国", "李秀英"];
        Assert.Equal(1, InboundChoice.Pick(PatientInput.Pressed("2"), names));
        Assert.Equal(0, InboundChoice.Pick(PatientInput.Said("我是替张建国回电的"), names));
        Assert.Equal(1, InboundChoice.Pick(PatientInput.Said("秀英的"), names));
        Assert.Null(InboundChoice.Pick(PatientInput.Pressed("3"), names));
        Assert.Null(InboundChoice.Pick(PatientInput.Said("是我"), names));
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.Integrations.Tests.Calls;

/// 5.1.4 智能语音外呼 through the task engine, the simulated phone network and the database: each ending of a call and what
/// it leaves behind (answers, to-dos, marks), on both providers.
public sealed class AiCallChannelTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_cooperative_patient_completes_the_call_and_every_turn_and_answer_is_stored(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Cooperative);

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.True(outcome.Kind == OutcomeKind.Completed, outcome.Summary);
        await using var db = world.NewContext();
        var call = await db.Calls.Include(c => c.Turns).SingleAsync(c => c.TaskId == task.Id);
        Assert.Equal(CallEnd.Completed, call.End);
        Assert.Equal(CallStatus.Ended, call.Status);
        Assert.True(call.Simulated);
        Assert.Null(call.RecordingPath); // the simulated network records nothing
        Assert.Matches(@"^1\d{2}\*{4}\d{4}$", call.NumberMasked);
        Assert.NotEqual(call.NumberMasked, world.Tasks.Hospital.Protector.Unprotect(call.NumberCipher));
        Assert.StartsWith("generated:", call.ScriptKey); // the step has no script of its own
        // Opening, identity, three questions, closing: agent and patient alternate.
        Assert.Equal(9, call.Turns.Count);
        Assert.All(call.Turns.Where(t => t.Speaker == Speaker.Patient), t => Assert.NotNull(t.Intent));
        Assert.All(call.Turns.Where(t => t.Speaker == Speaker.Agent).Skip(1), t => Assert.NotNull(t.ResponseMs)); // ES_T, 7.1.1
        var results = await db.FollowUpResults.Where(r => r.CallId == call.Id).ToListAsync();
        Assert.Equal(["chest_pain", "temperature", "wound_redness"], results.Select(r => r.QuestionKey).Order().ToArray());
        Assert.All(results, r => Assert.Equal("D+3", r.Period));
        Assert.Equal("no", results.Single(r => r.QuestionKey == "wound_redness").Value);
        Assert.Empty(await db.Todos.ToListAsync());
        Assert.Contains(await db.AuditLog.ToListAsync(), a => a.Action == "call.record" && a.EntityId == call.Id.ToString());
        Assert.Equal(StepStatus.Done, (await world.Tasks.LoadAsync(task.Id)).Step!.Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_fever_fires_the_step_trigger_as_an_abnormal_todo_with_the_words_said(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Feverish);

        await world.RunAsync(task.Id);

        await using var db = world.NewContext();
        var todos = await db.Todos.ToListAsync();
        var fever = Assert.Single(todos, t => t.QuestionKey == "temperature");
        Assert.Equal(TodoKind.Abnormal, fever.Kind);
        Assert.Equal("体温≥38.5℃，可能有感染", fever.Reason);
        Assert.Contains("三十八度六", fever.Evidence);
        Assert.NotNull(fever.TurnIndex);
        Assert.Contains(todos, t => t.QuestionKey == "wound_redness");
        Assert.All(todos, t => Assert.Equal(TodoStatus.Open, t.Status));
        Assert.Equal("38.6", (await db.FollowUpResults.SingleAsync(r => r.QuestionKey == "temperature")).Value);
    }

    [Theory]
    [InlineData(Agent.Telephony.NotReachedReason.NoAnswer, OutcomeKind.NotReached)]
    [InlineData(Agent.Telephony.NotReachedReason.Busy, OutcomeKind.NotReached)]
    [InlineData(Agent.Telephony.NotReachedReason.PoweredOff, OutcomeKind.NotReached)]
    public async Task An_unreached_call_keeps_its_reason_and_is_redialled(Agent.Telephony.NotReachedReason reason, OutcomeKind expected)
    {
        await using var world = await CallWorld.CreateAsync(DatabaseProvider.Sqlite);
        var task = await world.PatientWithCallAsync(Persona.Cooperative);
        await using (var db = world.NewContext())
            world.Telephony.Unreachable(world.Tasks.Hospital.Protector.Unprotect((await db.Patients.SingleAsync()).PhoneCipher), reason);

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(expected, outcome.Kind);
        var after = await world.Tasks.LoadAsync(task.Id);
        Assert.Equal(TaskState.Pending, after.State); // waits for the redial (5.3.6)
        await using var check = world.NewContext();
        var call = await check.Calls.SingleAsync();
        Assert.Equal(CallEnd.NotReached, call.End);
        Assert.Equal((UnreachedReason)(int)reason, call.Unreached);
        Assert.Contains(CallText.NotReached(call.Unreached!.Value), after.LastFailureReason);
    }

    [Fact]
    public async Task An_invalid_number_fails_the_task_without_a_redial()
    {
        await using var world = await CallWorld.CreateAsync(DatabaseProvider.Sqlite);
        var task = await world.PatientWithCallAsync(Persona.InvalidNumber);

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Contains("空号", outcome.Summary);
        Assert.Equal(TaskState.Failed, (await world.Tasks.LoadAsync(task.Id)).State);
    }

    [Fact]
    public async Task Call_later_postpones_the_task_to_the_named_time_inside_calling_hours()
    {
        await using var world = await CallWorld.CreateAsync(DatabaseProvider.Sqlite);
        var task = await world.PatientWithCallAsync(Persona.CallLater);

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(OutcomeKind.Postponed, outcome.Kind);
        // "明天上午十点" from 2026-12-01 10:00 (a Tuesday): Wednesday 10:00 is inside the default calling hours.
        Assert.Equal(world.Now.Date.AddDays(1).AddHours(10), outcome.RetryAt);
        var after = await world.Tasks.LoadAsync(task.Id);
        Assert.Equal(world.Now.Date.AddDays(1).AddHours(10), after.NextAttemptAt);
        Assert.Equal(0, after.Attempts); // a postponement uses no attempt
    }

    [Fact]
    public async Task A_wrong_number_goes_to_a_nurse_marks_the_number_and_the_next_task_does_not_dial_it()
    {
        await using var world = await CallWorld.CreateAsync(DatabaseProvider.Sqlite);
        var task = await world.PatientWithCallAsync(Persona.WrongNumber);

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(OutcomeKind.ToManual, outcome.Kind);
        await using var db = world.NewContext();
        var flag = await db.PatientCallFlags.SingleAsync();
        Assert.Equal(CallFlagKind.WrongNumber, flag.Kind);
        Assert.Equal((await db.Patients.SingleAsync()).PhoneIndex, flag.PhoneIndex);

        var next = await world.StepTaskAsync(task.PatientId, task.DepartmentId, label: "D+7");
        var dialled = world.Telephony.Dialled;
        var (_, second) = await world.RunAsync(next.Id);
        Assert.Equal(OutcomeKind.Failed, second.Kind);
        Assert.Contains("号码错误", second.Summary);
        Assert.Equal(dialled, world.Telephony.Dialled);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Deceased_stops_the_patients_plans_with_the_reason_and_cancels_the_open_tasks(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Deceased);
        var later = await world.StepTaskAsync(task.PatientId, task.DepartmentId, label: "D+30");
        await using (var db = world.NewContext())
            await db.Tasks.Where(t => t.Id == later.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.NextAttemptAt, world.Now.AddDays(27)));

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.True(outcome.Kind == OutcomeKind.Failed, outcome.Summary);
        await using var check = world.NewContext();
        Assert.Equal(TaskState.Cancelled, (await world.Tasks.LoadAsync(later.Id)).State);
        var plans = await check.Plans.Where(p => p.PatientId == task.PatientId).ToListAsync();
        Assert.All(plans, p => Assert.Equal(PlanStatus.Stopped, p.Status));
        Assert.All(plans, p => Assert.Contains("去世", p.ClosedReason));
        Assert.Equal(CallFlagKind.Deceased, (await check.PatientCallFlags.SingleAsync()).Kind);
        Assert.Contains(await check.AuditLog.ToListAsync(), a => a.Action == "plan.stop");
    }

    [Fact]
    public async Task A_refusal_marks_the_patient_uncooperative_and_stops_ai_calls()
    {
        await using var world = await CallWorld.CreateAsync(DatabaseProvider.Sqlite);
        var task = await world.PatientWithCallAsync(Persona.Refuses);

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(OutcomeKind.ToManual, outcome.Kind);
        await using var db = world.NewContext();
        Assert.Equal(CallFlagKind.Uncooperative, (await db.PatientCallFlags.SingleAsync()).Kind);
        var next = await world.StepTaskAsync(task.PatientId, task.DepartmentId, label: "D+7");
        var dialled = world.Telephony.Dialled;
        var (_, second) = await world.RunAsync(next.Id);
        Assert.Contains("不愿配合", second.Summary);
        Assert.Equal(dialled, world.Telephony.Dialled);
    }

    [Fact]
    public async Task Asking_for_a_person_completes_the_call_with_an_urgent_handoff_todo()
    {
        await using var world = await CallWorld.CreateAsync(DatabaseProvider.Sqlite);
        var task = await world.PatientWithCallAsync(Persona.WantsPerson);

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        await using var db = world.NewContext();
        var todo = await db.Todos.SingleAsync();
        Assert.Equal(TodoKind.Handoff, todo.Kind);
        Assert.Equal(TodoUrgency.Urgent, todo.Urgency);
        Assert.Matches("人工|真人|护士", todo.Evidence); // the virtual patient says one of its two wordings
    }

    [Fact]
    public async Task A_red_flag_said_in_passing_raises_an_urgent_todo_with_the_words()
    {
        await using var world = await CallWorld.CreateAsync(DatabaseProvider.Sqlite);
        var task = await world.PatientWithCallAsync(Persona.RedFlagInPassing);

        await world.RunAsync(task.Id);

        await using var db = world.NewContext();
        var todo = await db.Todos.SingleAsync(t => t.Kind == TodoKind.RedFlag);
        Assert.Equal(TodoUrgency.Urgent, todo.Urgency);
        Assert.Contains("胸口有点闷", todo.Evidence);
        var turn = await db.CallTurns.SingleAsync(t => t.Index == todo.TurnIndex && t.CallId == todo.CallId);
        Assert.Equal(Speaker.Patient, turn.Speaker);
    }

    [Fact]
    public async Task A_family_member_answering_is_kept_as_answered_by_family()
    {
        await using var world = await CallWorld.CreateAsync(DatabaseProvider.Sqlite);
        var task = await world.PatientWithCallAsync(Persona.FamilyAnswers);

        await world.RunAsync(task.Id);

        await using var db = world.NewContext();
        Assert.True((await db.Calls.SingleAsync()).AnsweredByFamily); // 代答, 5.3.5
    }
}

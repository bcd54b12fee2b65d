using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Contact;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.Integrations.Tests.Calls;

/// 5.3.5 and issue #4 "Global handling": the endings that end a plan or need a person — wrong number, deceased,
/// refused — and what they leave behind, on both providers.
public sealed class CallEndingTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_wrong_number_blocks_the_number_for_calls_and_sms_adds_a_verify_todo_and_falls_back_to_a_manual_follow_up(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.WrongNumber);

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(OutcomeKind.ToManual, outcome.Kind);
        await using var db = world.NewContext();
        var after = await db.Tasks.SingleAsync(t => t.Id == task.Id);
        Assert.Equal(TaskState.Failed, after.State); // no redial
        var manual = await db.Tasks.SingleAsync(t => t.PlanStepId == task.PlanStepId && t.Id != task.Id);
        Assert.Equal(ChannelKind.Manual, manual.Channel);
        Assert.Equal(TaskState.Due, manual.State);
        Assert.Equal(task.Id, manual.FallbackOfTaskId);
        var todo = await db.Todos.SingleAsync();
        Assert.Equal(TodoKind.VerifyNumber, todo.Kind);
        Assert.Contains("核实并更正患者的联系电话", todo.Reason);
        Assert.Contains("打错", todo.Evidence);
        Assert.Equal(CallFlagKind.WrongNumber, (await db.PatientCallFlags.SingleAsync()).Kind);

        // The contact gate: no AI call, SMS or questionnaire to the number; a nurse's manual task still goes.
        var facts = await ContactRulesGate.LoadFactsAsync(db, manual, world.Now, CancellationToken.None);
        Assert.NotNull(facts.WrongNumberReason);
        var policy = await new ContactPolicies().GetAsync(db, task.HospitalId, CancellationToken.None);
        foreach (var kind in new[] { ChannelKind.AiCall, ChannelKind.Sms, ChannelKind.Questionnaire })
            Assert.IsType<ContactDecision.Refuse>(ContactRules.Decide(policy, new ContactTask(1, kind, null, world.Now.AddDays(1)), facts, world.Now));
        Assert.IsNotType<ContactDecision.Refuse>(ContactRules.Decide(policy, new ContactTask(1, ChannelKind.Manual, null, world.Now.AddDays(1)), facts, world.Now));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_corrected_number_is_called_again(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.WrongNumber);
        await world.RunAsync(task.Id);

        await using var db = world.NewContext();
        var patient = await db.Patients.SingleAsync();
        db.Actor = Core.Audit.AuditActor.System("测试");
        patient.SetPhone(world.Tasks.Hospital.Protector.Protect(Core.Security.SensitiveKind.Phone, "13900001111"));
        await db.SaveChangesAsync();

        var facts = await ContactRulesGate.LoadFactsAsync(db, task, world.Now, CancellationToken.None);
        Assert.Null(facts.WrongNumberReason); // the mark holds for the wrong number only
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Deceased_stops_every_plan_cancels_open_sms_and_survey_tasks_and_asks_a_nurse_to_verify(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Deceased);
        var survey = await world.StepTaskAsync(task.PatientId, task.DepartmentId, label: "D+30");
        await using (var db = world.NewContext())
            await db.Tasks.Where(t => t.Id == survey.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Channel, ChannelKind.Questionnaire)
                .SetProperty(t => t.Queue, TaskQueues.Questionnaire).SetProperty(t => t.NextAttemptAt, world.Now.AddDays(27)));

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        await using var check = world.NewContext();
        Assert.Equal(TaskState.Cancelled, (await check.Tasks.SingleAsync(t => t.Id == survey.Id)).State);
        Assert.False(await check.Tasks.Open().AnyAsync(t => t.PatientId == task.PatientId)); // nothing falls back
        Assert.All(await check.Plans.Where(p => p.PatientId == task.PatientId).ToListAsync(), p => Assert.Equal(PlanStatus.Stopped, p.Status));
        var todo = await check.Todos.SingleAsync();
        Assert.Equal(TodoKind.VerifyDeceased, todo.Kind);
        Assert.Contains("核实", todo.Reason);

        // A plan made later (e.g. from the HIS) contacts no one: every channel is refused.
        var facts = await ContactRulesGate.LoadFactsAsync(check, task, world.Now, CancellationToken.None);
        var policy = await new ContactPolicies().GetAsync(check, task.HospitalId, CancellationToken.None);
        foreach (var kind in Enum.GetValues<ChannelKind>())
            Assert.IsType<ContactDecision.Refuse>(ContactRules.Decide(policy, new ContactTask(1, kind, null, world.Now.AddDays(1)), facts, world.Now));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_refusal_marks_the_patient_uncooperative_with_no_ai_redial_and_a_manual_follow_up(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Refuses);

        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(OutcomeKind.ToManual, outcome.Kind);
        await using var db = world.NewContext();
        Assert.Equal(TaskState.Failed, (await db.Tasks.SingleAsync(t => t.Id == task.Id)).State);
        Assert.Equal(CallEnd.Refused, (await db.Calls.SingleAsync()).End);
        Assert.Equal(CallFlagKind.Uncooperative, (await db.PatientCallFlags.SingleAsync()).Kind);
        var manual = await db.Tasks.SingleAsync(t => t.Id != task.Id);
        Assert.Equal(ChannelKind.Manual, manual.Channel);
        Assert.Equal(StepStatus.InProgress, (await db.PlanSteps.SingleAsync()).Status);

        var facts = await ContactRulesGate.LoadFactsAsync(db, manual, world.Now, CancellationToken.None);
        var policy = await new ContactPolicies().GetAsync(db, task.HospitalId, CancellationToken.None);
        Assert.IsType<ContactDecision.Refuse>(ContactRules.Decide(policy, new ContactTask(1, ChannelKind.AiCall, null, world.Now.AddDays(1)), facts, world.Now));
        Assert.IsNotType<ContactDecision.Refuse>(ContactRules.Decide(policy, new ContactTask(1, ChannelKind.Manual, null, world.Now.AddDays(1)), facts, world.Now));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_step_with_its_own_manual_channel_falls_back_to_that_channel_once(DatabaseProvider provider)
    {
        await using var world = await CallWorld.CreateAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.WrongNumber);
        await using (var db = world.NewContext())
        {
            var step = await db.PlanSteps.SingleAsync();
            step.Channels = [.. step.Channels, new ChannelStep { Kind = ChannelKind.Sms }, new ChannelStep { Kind = ChannelKind.Manual }];
            await db.SaveChangesAsync();
        }

        await world.RunAsync(task.Id);

        await using var check = world.NewContext();
        var manual = await check.Tasks.SingleAsync(t => t.Id != task.Id);
        Assert.Equal(ChannelKind.Manual, manual.Channel);
        Assert.Equal(2, manual.ChannelIndex); // the step's manual channel, not its SMS
    }
}

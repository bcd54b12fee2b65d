using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Tasks;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.Integrations.Tests.Calls;

/// 5.3.5 connected classes 自动留言 and 中断 through the real agent, stored in the call record and mapped to the task
/// engine: both redial like not reached, and an interrupted call keeps the answers said before the hang-up.
public sealed class VoicemailAndInterruptedCallTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_voicemail_gets_a_short_message_and_the_task_is_redialled(DatabaseProvider provider)
    {
        await using var world = await CallWorld.WithRealAgentAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Voicemail);
        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(OutcomeKind.NotReached, outcome.Kind);
        Assert.Contains("自动留言", outcome.Summary);
        await using var db = world.NewContext();
        var call = await db.Calls.Include(c => c.Turns).SingleAsync(c => c.TaskId == task.Id);
        Assert.Equal(CallEnd.Voicemail, call.End);
        Assert.NotNull(call.AnsweredAt);
        var message = call.Turns.OrderBy(t => t.Index).Last();
        Assert.Equal(Speaker.Agent, message.Speaker);
        Assert.Contains("随访", message.Text);
        Assert.Empty(await db.FollowUpResults.Where(r => r.CallId == call.Id).ToListAsync());
        var stored = await db.Tasks.SingleAsync(t => t.Id == task.Id);
        Assert.NotEqual(TaskState.Completed, stored.State);
        Assert.Empty(await db.PatientCallFlags.ToListAsync());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_patient_who_hangs_up_midway_is_interrupted_and_redialled_keeping_the_answers_said(DatabaseProvider provider)
    {
        await using var world = await CallWorld.WithRealAgentAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.HangsUp);
        var (_, outcome) = await world.RunAsync(task.Id);

        Assert.Equal(OutcomeKind.NotReached, outcome.Kind);
        await using var db = world.NewContext();
        var call = await db.Calls.SingleAsync(c => c.TaskId == task.Id);
        Assert.Equal(CallEnd.Interrupted, call.End);
        Assert.Equal("对方中途挂断", call.Detail);
        Assert.Contains("通话中断", call.Summary);
        Assert.NotEmpty(await db.FollowUpResults.Where(r => r.CallId == call.Id).ToListAsync());
        Assert.NotEqual(TaskState.Completed, (await db.Tasks.SingleAsync(t => t.Id == task.Id)).State);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_abusive_patient_ends_the_call_as_uncooperative(DatabaseProvider provider)
    {
        await using var world = await CallWorld.WithRealAgentAsync(provider);
        var task = await world.PatientWithCallAsync(Persona.Abusive);
        await world.RunAsync(task.Id);
        await using var db = world.NewContext();
        Assert.Equal(CallEnd.Refused, (await db.Calls.SingleAsync(c => c.TaskId == task.Id)).End);
    }

    [Theory]
    [InlineData(Persona.PoweredOff, UnreachedReason.PoweredOff)]
    [InlineData(Persona.OutOfService, UnreachedReason.OutOfService)]
    [InlineData(Persona.Busy, UnreachedReason.Busy)]
    [InlineData(Persona.NoAnswer, UnreachedReason.NoAnswer)]
    public async Task Unreached_personas_are_stored_with_their_reason_and_redialled(Persona persona, UnreachedReason reason)
    {
        await using var world = await CallWorld.WithRealAgentAsync(DatabaseProvider.Sqlite);
        var task = await world.PatientWithCallAsync(persona);
        var (_, outcome) = await world.RunAsync(task.Id);
        Assert.Equal(OutcomeKind.NotReached, outcome.Kind);
        await using var db = world.NewContext();
        var call = await db.Calls.SingleAsync(c => c.TaskId == task.Id);
        Assert.Equal(CallEnd.NotReached, call.End);
        Assert.Equal(reason, call.Unreached);
        Assert.Equal(CallText.NotReached(reason), call.Detail);
    }
}

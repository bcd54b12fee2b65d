using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Todos;

/// 7.2.4.1 a / 5.1.6: a patient still unreached after every redial and every fallback of a plan step becomes one
/// 未接通 to-do for the nurses, with each attempt's reason as the evidence.
public sealed class UnreachedTodoTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ChannelStep Call = new() { Kind = ChannelKind.AiCall, Redials = 1, RedialIntervalMinutes = 30 };
    private static readonly ChannelStep Questionnaire = new() { Kind = ChannelKind.Questionnaire, FallbackAfterHours = 48 };

    [Theory, ClassData(typeof(Providers))]
    public async Task Step_unreached_after_all_redials_and_fallbacks_raises_one_unreached_todo_with_the_reasons(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var patient = (await world.PatientsAsync(1))[0];
        var first = await world.PlanAsync(patient, world.Hospital.Cardiology.Id, Call, Questionnaire);
        var reasons = new[] { "无人接听", "关机" };
        var channel = new ScriptedChannel(e => e.Task.Channel == ChannelKind.AiCall
            ? TaskOutcome.NotReached(reasons[e.AttemptNumber - 1])
            : TaskOutcome.Waiting(world.Now.AddHours(48), "问卷链接已发送"));
        var dispatcher = world.Dispatcher(channel: channel);

        await dispatcher.DrainAsync(None);
        world.Now = world.Now.AddMinutes(30);
        await dispatcher.DrainAsync(None);
        await using (var db = world.NewContext())
            Assert.Empty(await db.Todos.ToListAsync()); // the questionnaire fallback is still waiting
        await dispatcher.DrainAsync(None);
        world.Now = world.Now.AddHours(49);
        await dispatcher.MaintainAsync(None);

        await using var check = world.NewContext();
        var todo = await check.Todos.SingleAsync();
        Assert.Equal((TodoKind.Unreached, TodoStatus.Open, patient, world.Hospital.Cardiology.Id), (todo.Kind, todo.Status, todo.PatientId, todo.DepartmentId));
        Assert.Equal((first.PlanStepId, UnreachedTodos.RuleKey, UnreachedTodos.Source), (todo.PlanStepId, todo.RuleKey, todo.Source));
        Assert.Equal("AI 电话：无人接听、关机；问卷链接：到期未回复", todo.Evidence);
        Assert.Equal(StepStatus.Unreached, (await check.PlanSteps.SingleAsync()).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_step_gets_its_unreached_todo_once_even_when_a_retry_fails_again(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        var task = await world.PlanAsync((await world.PatientsAsync(1))[0], world.Hospital.Cardiology.Id, new ChannelStep { Kind = ChannelKind.AiCall });
        var dispatcher = world.Dispatcher(channel: new ScriptedChannel(_ => TaskOutcome.Failed("空号")));
        await dispatcher.DrainAsync(None);
        await using (var db = world.NewContext())
        {
            var failed = await db.Tasks.SingleAsync(t => t.Id == task.Id);
            TaskTransitions.Move(failed, TaskState.Due, world.Now); // a nurse presses 重试
            failed.NextAttemptAt = world.Now;
            failed.Attempts = 0;
            failed.DueTo = world.Now.AddDays(1);
            await db.SaveChangesAsync();
        }
        await dispatcher.DrainAsync(None);

        await using var check = world.NewContext();
        Assert.Equal(2, (await check.TaskAttempts.Where(a => a.TaskId == task.Id).ToListAsync()).Count);
        var todo = await check.Todos.SingleAsync();
        Assert.Equal("AI 电话：空号", todo.Evidence);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_step_reached_by_its_fallback_raises_no_unreached_todo(DatabaseProvider provider)
    {
        await using var world = await TaskWorld.CreateAsync(provider);
        await world.PlanAsync((await world.PatientsAsync(1))[0], world.Hospital.Cardiology.Id, new ChannelStep { Kind = ChannelKind.AiCall }, Questionnaire);
        var dispatcher = world.Dispatcher(channel: new ScriptedChannel(e => e.Task.Channel == ChannelKind.AiCall
            ? TaskOutcome.NotReached("无人接听") : TaskOutcome.Completed("问卷已填写")));
        await dispatcher.DrainAsync(None);
        await dispatcher.DrainAsync(None);

        await using var check = world.NewContext();
        Assert.Equal(StepStatus.Done, (await check.PlanSteps.SingleAsync()).Status);
        Assert.Empty(await check.Todos.ToListAsync());
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Calls;
using Suifang.Core.ManualFollowUp;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.ManualFollowUp;

/// Saving a nurse's record (5.1.4 人工随访): answers become manual follow-up results in one transaction with the to-dos
/// they trigger and the task's completion; the connected classes (5.3.5) and unreached reasons (5.3.6) move the task.
public sealed class ManualRecordTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Answers_become_manual_results_complete_the_task_and_raise_to_dos_for_abnormal_answers(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var task = await m.ManualTaskAsync();
        var entry = await m.OpenEntryAsync(task.Id);
        var nurse = m.Nurse();
        Assert.True((await m.ClaimAsync(nurse, entry.Id)).Ok);
        var answers = ManualWorld.CalmPsychiatryAnswers();
        answers["self_harm_thoughts"] = "是";           // the form's rule: critical
        answers["medication_adherence"] = "已自行停药";  // the form's rule: abnormal
        answers["follow_up_visit"] = "否";              // the plan step's own rule

        var saved = await m.RecordAsync(nurse, entry.Id, new ManualRecordInput { Answers = answers, Note = "家属在旁" });

        Assert.True(saved.Ok, saved.Error);
        Assert.Equal(3, saved.Todos);
        await using var db = m.NewContext();
        var results = await db.FollowUpResults.Where(r => r.PatientId == task.PatientId).ToListAsync();
        Assert.All(results, r => Assert.Equal((ResultSource.Manual, "D+7", task.PlanStepId), (r.Source, r.Period, r.PlanStepId)));
        Assert.Equal("yes", results.Single(r => r.QuestionKey == "self_harm_thoughts").Value);
        Assert.Equal("7", results.Single(r => r.QuestionKey == "mood_score").Value);
        var todos = await db.Todos.Where(t => t.PatientId == task.PatientId).OrderByDescending(t => t.Urgency).ToListAsync();
        Assert.Equal(TodoUrgency.Critical, todos[0].Urgency);
        Assert.StartsWith("有自伤或轻生念头", todos[0].Reason);
        Assert.All(todos, t => Assert.Equal(("manual", TodoKind.Abnormal), (t.Source, t.Kind)));
        Assert.Contains(todos, t => t.Reason == "未按时复诊");
        var done = await db.Tasks.Include(t => t.Step).SingleAsync(t => t.Id == task.Id);
        Assert.Equal((TaskState.Completed, StepStatus.Done), (done.State, done.Step!.Status));
        var record = await db.ManualRecords.SingleAsync();
        Assert.Equal((CallEnd.Completed, "精神科出院人工随访", "家属在旁"), (record.End, record.TemplateName, record.Note));
        Assert.NotNull((await db.ManualFormTemplates.SingleAsync(t => t.Id == record.TemplateId)).FirstUsedAt);
        Assert.Empty(await m.QueueAsync(nurse));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Saving_the_same_entry_twice_keeps_one_record_and_one_set_of_results(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var entry = await m.OpenEntryAsync((await m.ManualTaskAsync()).Id);
        var input = new ManualRecordInput { Answers = ManualWorld.CalmPsychiatryAnswers() };

        var both = await Task.WhenAll(m.RecordAsync(m.Nurse(), entry.Id, input), m.RecordAsync(m.Nurse(), entry.Id, input));

        Assert.All(both, r => Assert.True(r.Ok, r.Error));
        Assert.Equal(both[0].RecordId, both[1].RecordId);
        await using var db = m.NewContext();
        Assert.Equal(1, await db.ManualRecords.CountAsync());
        Assert.Equal(ManualWorld.CalmPsychiatryAnswers().Count, await db.FollowUpResults.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Not_reached_records_the_attempt_and_the_task_comes_back_after_the_interval_until_its_attempts_are_used(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var task = await m.ManualTaskAsync(redials: 1);
        var nurse = m.Nurse();

        var first = await m.RecordAsync(nurse, (await m.OpenEntryAsync(task.Id)).Id,
            new ManualRecordInput { Contact = ManualContact.NotReached, Unreached = UnreachedReason.NoAnswer });
        Assert.True(first.Ok, first.Error);
        Assert.Contains("再次拨打", first.Summary);
        var waiting = await m.World.LoadAsync(task.Id);
        Assert.Equal((TaskState.Pending, m.Now.AddMinutes(60)), (waiting.State, waiting.NextAttemptAt));
        Assert.Empty(await m.QueueAsync(nurse));

        m.Now = m.Now.AddMinutes(60);
        await m.DispatchAsync();
        var again = await m.OpenEntryAsync(task.Id);
        Assert.Equal(2, again.AttemptNumber);
        Assert.Equal("无人接听", Assert.Single(await m.QueueAsync(nurse)).LastFailure?.Split('：').Last());

        var last = await m.RecordAsync(nurse, again.Id, new ManualRecordInput { Contact = ManualContact.NotReached, Unreached = UnreachedReason.PoweredOff });
        Assert.Contains("任务关闭为未接通", last.Summary);
        var closed = await m.World.LoadAsync(task.Id);
        Assert.Equal(TaskState.Unreached, closed.State);
        Assert.Equal(["人工随访未接通：无人接听", "人工随访未接通：关机或停机"], closed.AttemptLog.OrderBy(a => a.Number).Select(a => a.FailureReason));
        Assert.Equal(StepStatus.Unreached, closed.Step!.Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_invalid_number_closes_the_task_at_once_without_redial(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var task = await m.ManualTaskAsync(redials: 3);
        await m.RecordAsync(m.Nurse(), (await m.OpenEntryAsync(task.Id)).Id,
            new ManualRecordInput { Contact = ManualContact.NotReached, Unreached = UnreachedReason.InvalidNumber });
        Assert.Equal(TaskState.Failed, (await m.World.LoadAsync(task.Id)).State);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Inconvenient_now_schedules_the_agreed_time_without_using_an_attempt(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var task = await m.ManualTaskAsync(redials: 0);
        var at = m.Now.AddHours(3);

        var saved = await m.RecordAsync(m.Nurse(), (await m.OpenEntryAsync(task.Id)).Id,
            new ManualRecordInput { Contact = ManualContact.CallLater, CallBackAt = at });

        Assert.True(saved.Ok, saved.Error);
        var later = await m.World.LoadAsync(task.Id);
        Assert.Equal((TaskState.Pending, at, 0), (later.State, later.NextAttemptAt, later.Attempts));
        m.Now = at;
        await m.DispatchAsync();
        Assert.Equal(2, (await m.OpenEntryAsync(task.Id)).AttemptNumber);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Deceased_closes_the_task_stops_the_plans_and_marks_the_patient(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var task = await m.ManualTaskAsync();
        await m.RecordAsync(m.Nurse(), (await m.OpenEntryAsync(task.Id)).Id, new ManualRecordInput { Contact = ManualContact.Deceased, Note = "家属告知" });

        await using var db = m.NewContext();
        Assert.Equal(TaskState.Failed, (await db.Tasks.SingleAsync(t => t.Id == task.Id)).State);
        Assert.Equal(PlanStatus.Stopped, (await db.Plans.SingleAsync(p => p.Id == task.PlanId)).Status);
        var flag = await db.PatientCallFlags.SingleAsync(f => f.PatientId == task.PatientId);
        Assert.Equal(CallFlagKind.Deceased, flag.Kind);
        Assert.Contains("家属告知", flag.Reason);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Missing_answers_or_a_claim_held_by_another_nurse_save_nothing_and_say_why(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var entry = await m.OpenEntryAsync((await m.ManualTaskAsync()).Id);
        var answers = ManualWorld.CalmPsychiatryAnswers();
        answers.Remove("self_harm_thoughts");
        answers["mood_score"] = "12";

        var incomplete = await m.RecordAsync(m.Nurse(), entry.Id, new ManualRecordInput { Answers = answers });
        Assert.Contains("还没有回答", incomplete.Error);
        Assert.Contains("0 到 10", incomplete.Error);

        Assert.True((await m.ClaimAsync(m.Nurse("nurse-b", "护士乙"), entry.Id)).Ok);
        var held = await m.RecordAsync(m.Nurse(), entry.Id, new ManualRecordInput { Answers = ManualWorld.CalmPsychiatryAnswers() });
        Assert.Contains("护士乙 正在拨打", held.Error);

        await using var db = m.NewContext();
        Assert.Equal((0, 0), (await db.ManualRecords.CountAsync(), await db.FollowUpResults.CountAsync()));
    }
}

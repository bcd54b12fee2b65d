using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.ManualFollowUp.Templates;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;

namespace Suifang.Testing;

/// Manual follow-up in a running test host: the psychiatry department (精神科, code JSK) with the shipped forms loaded,
/// and patients whose plan step is a manual call, dispatched into the work queue by the host's own task engine.
public static class ManualTasks
{
    public static async Task<int> PsychiatryAsync(IServiceProvider services)
    {
        var department = await StaffAccounts.EnsureDepartmentAsync(services, "JSK", "精神科");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<HospitalClock>();
        await new ManualTemplateLoader(db, () => clock.Now).EnsureAsync(department.HospitalId);
        return department.Id;
    }

    /// Contact rules that allow calls at any hour, so that a test does not depend on the time of day it runs at (the
    /// default rules keep calls out of the lunch break and the night, and the host's contact gate applies them).
    public static async Task AllowCallsAllDayAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var hospital = await db.Hospitals.Select(h => h.Id).FirstAsync();
        var settings = await db.ContactSettings.FirstOrDefaultAsync(s => s.HospitalId == hospital);
        if (settings is null)
            db.ContactSettings.Add(settings = new Core.Contact.ContactSettings { HospitalId = hospital });
        settings.CallingHours = Enumerable.Repeat("00:00-24:00", 7).ToList();
        settings.QuietPeriods = "";
        settings.DailyContactCap = 100;
        settings.NoRepeatDays = 0;
        settings.BestTimeEnabled = false;
        settings.PreCallNoticeEnabled = false;
        settings.Revision++;
        settings.UpdatedAt = services.GetRequiredService<HospitalClock>().Now;
        await db.SaveChangesAsync();
    }

    /// A discharged patient of the department with a one-step manual plan (the step asks follow_up_visit, "no" is
    /// abnormal); the host's engine puts it into the queue. Returns the task.
    public static async Task<FollowUpTask> QueueAsync(IServiceProvider services, int departmentId, string name = "王芳", string phone = "13912345678")
    {
        var now = services.GetRequiredService<HospitalClock>().Now;
        var patient = await HostPatients.AddAsync(services, p => p.Named(name).WithPhone(phone)
            .DischargedOn(now.AddDays(-7), departmentId).WithDiagnosis("F32.1", "中度抑郁发作"));
        FollowUpTask task;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
            var plan = new FollowUpPlan
            {
                HospitalId = patient.HospitalId, CampusId = patient.CampusId, PatientId = patient.Id, DepartmentId = departmentId,
                Source = PlanSource.Manual, AnchorTime = now.AddDays(-7), CreatedAt = now,
            };
            var step = new PlanStep
            {
                Title = "出院后1周", Label = "D+7", DueFrom = now.AddHours(-1), DueTo = now.AddDays(2),
                Channels = [new ChannelStep { Kind = ChannelKind.Manual, Redials = 1 }],
                Questions = [new NodeQuestion { Key = "follow_up_visit", Text = "有没有按时复诊？", Kind = AnswerKind.YesNo }],
                Triggers = [new TriggerRule { QuestionKey = "follow_up_visit", Operator = TriggerOperator.Equals, Value = "no", Description = "未按时复诊" }],
            };
            plan.Steps.Add(step);
            db.Plans.Add(plan);
            task = StepTasks.Create(plan, step, 0, now.AddMinutes(-1), now);
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
        }
        await new TaskDispatcher(services.GetRequiredService<TaskEngine>()).DrainAsync(CancellationToken.None);
        // A host that runs its own dispatcher may have taken the task first: wait until its channel has queued it.
        for (var i = 0; i < 200 && !await QueuedAsync(services, task.Id); i++)
            await Task.Delay(100);
        return task;
    }

    private static async Task<bool> QueuedAsync(IServiceProvider services, long taskId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SuifangDbContext>().ManualQueue.AnyAsync(e => e.TaskId == taskId);
    }

    public static async Task<long> EntryAsync(IServiceProvider services, long taskId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        return await db.ManualQueue.Where(e => e.TaskId == taskId && e.ClosedAt == null).Select(e => e.Id).SingleAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.ManualFollowUp;
using Suifang.Core.ManualFollowUp.Templates;
using Suifang.Core.Organization;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.Core.Tests.ManualFollowUp;

/// The task world with a psychiatry department (精神科), the shipped manual forms loaded, and the real manual channel
/// dispatching manual tasks into the work queue.
internal sealed class ManualWorld : IAsyncDisposable
{
    public static readonly CancellationToken None = CancellationToken.None;

    private ManualWorld(TaskWorld world, Department psychiatry)
    {
        World = world;
        Psychiatry = psychiatry;
        Channel = new ManualTaskChannel(world.NewContext, () => world.Now);
    }

    public TaskWorld World { get; }
    public Department Psychiatry { get; }
    public ManualTaskChannel Channel { get; }
    public DateTime Now { get => World.Now; set => World.Now = value; }

    public static async Task<ManualWorld> CreateAsync(DatabaseProvider provider)
    {
        var world = await TaskWorld.CreateAsync(provider);
        await using var db = world.NewContext();
        var hospital = world.Hospital;
        var psychiatry = new Department { HospitalId = hospital.Hospital.Id, CampusId = hospital.CampusId, Code = "JSK", Name = "精神科" };
        db.Departments.Add(psychiatry);
        await db.SaveChangesAsync();
        await new ManualTemplateLoader(db, () => world.Now).EnsureAsync(hospital.Hospital.Id);
        return new ManualWorld(world, psychiatry);
    }

    public SuifangDbContext NewContext() => World.NewContext();

    public StaffScope Nurse(string id = "nurse-a", string name = "护士甲", int? department = null) =>
        new(id, name, World.Hospital.Hospital.Id, false, new HashSet<int> { department ?? Psychiatry.Id }, new HashSet<string> { Roles.Nurse }, "10.0.0.1");

    /// A patient of psychiatry with a one-step plan whose only channel is a manual call (with redials), the step
    /// carrying its own trigger (no follow-up visit → abnormal); dispatched into the queue. Returns the task.
    public async Task<FollowUpTask> ManualTaskAsync(int redials = 1, long? patientId = null, int? pathwayId = null)
    {
        var patient = patientId ?? (await World.Hospital.AddAsync(World.Hospital.Patient().Named("王芳")
            .DischargedOn(Now.AddDays(-7), Psychiatry.Id).WithDiagnosis("F32.1", "中度抑郁发作")))[0].Id;
        await using var db = NewContext();
        var plan = new FollowUpPlan
        {
            HospitalId = World.Hospital.Hospital.Id, CampusId = World.Hospital.CampusId, PatientId = patient, DepartmentId = Psychiatry.Id,
            Source = PlanSource.Manual, AnchorTime = Now.AddDays(-7), CreatedAt = Now,
        };
        var step = new PlanStep
        {
            Title = "出院后1周", Label = "D+7", DueFrom = Now, DueTo = Now.AddDays(2),
            Channels = [new ChannelStep { Kind = ChannelKind.Manual, Redials = redials, RedialIntervalMinutes = 60 }],
            Questions = [new NodeQuestion { Key = "follow_up_visit", Text = "有没有按时复诊？", Kind = AnswerKind.YesNo }],
            Triggers = [new TriggerRule { QuestionKey = "follow_up_visit", Operator = TriggerOperator.Equals, Value = "no", Description = "未按时复诊" }],
        };
        plan.Steps.Add(step);
        if (pathwayId is { } pathway)
            plan.Pathways.Add(new PlanPathway { PathwayId = pathway });
        db.Plans.Add(plan);
        var task = StepTasks.Create(plan, step, 0, Now, Now);
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        await DispatchAsync();
        return task;
    }

    public async Task<int> PathwayAsync(string name)
    {
        await using var db = NewContext();
        var pathway = new Pathway
        {
            HospitalId = World.Hospital.Hospital.Id, DepartmentId = Psychiatry.Id, Key = "p-" + Guid.NewGuid().ToString("N")[..8], Name = name,
            DiseaseCodes = "F32", DiseaseNames = "抑郁发作", CreatedAt = Now,
        };
        db.Pathways.Add(pathway);
        await db.SaveChangesAsync();
        return pathway.Id;
    }

    public Task<int> DispatchAsync() => World.Dispatcher(channel: Channel).DrainAsync(None);

    public async Task<ManualQueueEntry> OpenEntryAsync(long taskId)
    {
        await using var db = NewContext();
        return await db.ManualQueue.AsNoTracking().SingleAsync(e => e.TaskId == taskId && e.ClosedAt == null);
    }

    public async Task<List<ManualQueueRow>> QueueAsync(StaffScope scope, ManualQueueFilter? filter = null)
    {
        await using var db = NewContext();
        return await ManualQueueList.ReadAsync(db, scope, filter ?? new ManualQueueFilter(), Now, None);
    }

    public async Task<ManualSaveResult> RecordAsync(StaffScope scope, long entryId, ManualRecordInput input)
    {
        await using var db = NewContext();
        return await RecordManualFollowUp.RunAsync(db, scope, entryId, input, Now, None);
    }

    public async Task<ManualCommandResult> ClaimAsync(StaffScope scope, long entryId)
    {
        await using var db = NewContext();
        return await ManualClaims.ClaimAsync(db, scope, entryId, Now, None);
    }

    /// The answers of the shipped psychiatry form, every one normal unless changed.
    public static Dictionary<string, string> CalmPsychiatryAnswers() => new()
    {
        ["mood_low"] = "否", ["mood_score"] = "7", ["sleep_quality"] = "睡得好", ["medication_adherence"] = "按时服用",
        ["medication_side_effect"] = "否", ["self_harm_thoughts"] = "否", ["harm_to_others"] = "否", ["hallucinations"] = "否",
        ["follow_up_visit"] = "是",
    };

    public ValueTask DisposeAsync() => World.DisposeAsync();
}

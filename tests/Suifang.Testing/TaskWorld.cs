using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Core.Tasks.Simulated;

namespace Suifang.Testing;

/// A test hospital with patients, plans and tasks for the task engine, a clock the test moves, and engines (workers)
/// over it.
public sealed class TaskWorld : IAsyncDisposable
{
    private TaskWorld(TestHospital hospital) => Hospital = hospital;

    public TestHospital Hospital { get; }
    public DateTime Now { get; set; } = new(2026, 12, 1, 10, 0, 0);
    public TaskEngineOptions Options { get; } = new() { LeaseSeconds = 60, BatchSize = 50 };

    public static async Task<TaskWorld> CreateAsync(DatabaseProvider provider) => new(await TestHospital.CreateAsync(provider));

    public SuifangDbContext NewContext() => Hospital.Database.NewContext();

    public async Task<List<long>> PatientsAsync(int count)
    {
        var builders = Enumerable.Range(0, count).Select(_ => Hospital.Patient().DischargedOn(Now.AddDays(-3), Hospital.Cardiology.Id)).ToArray();
        return (await Hospital.AddAsync(builders)).Select(p => p.Id).ToList();
    }

    /// A plan of one step (D+3, window today … +2 days) with the given channels; its first task is created as the plans
    /// module does (StepTasks.Create). Returns the first task.
    public async Task<FollowUpTask> PlanAsync(long patientId, int departmentId, params ChannelStep[] channels)
    {
        await using var db = NewContext();
        var plan = new FollowUpPlan
        {
            HospitalId = Hospital.Hospital.Id, CampusId = Hospital.CampusId, PatientId = patientId, DepartmentId = departmentId,
            Source = PlanSource.Manual, AnchorTime = Now.AddDays(-3), CreatedAt = Now,
        };
        var step = new PlanStep { Title = "出院后3天", Label = "D+3", DueFrom = Now, DueTo = Now.AddDays(2), Channels = channels.ToList() };
        plan.Steps.Add(step);
        db.Plans.Add(plan);
        var task = StepTasks.Create(plan, step, 0, Now, Now);
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }

    /// A stand-alone task (no plan), due now unless configured otherwise.
    public async Task<FollowUpTask> TaskAsync(long patientId, Action<FollowUpTask>? configure = null)
    {
        await using var db = NewContext();
        var task = new FollowUpTask
        {
            HospitalId = Hospital.Hospital.Id, CampusId = Hospital.CampusId, PatientId = patientId,
            DepartmentId = Hospital.Cardiology.Id, Channel = ChannelKind.AiCall, Queue = TaskQueues.AiCall, State = TaskState.Due,
            DueFrom = Now, DueTo = Now.AddDays(2), NextAttemptAt = Now, IdempotencyKey = "t:" + Guid.NewGuid().ToString("N"),
            CreatedAt = Now, UpdatedAt = Now,
        };
        configure?.Invoke(task);
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }

    public async Task<FollowUpTask> LoadAsync(long taskId)
    {
        await using var db = NewContext();
        return await db.Tasks.AsNoTracking().Include(t => t.AttemptLog).Include(t => t.Step).SingleAsync(t => t.Id == taskId);
    }

    public async Task SetQueueAsync(string queue, Action<TaskQueueSetting> change)
    {
        await using var db = NewContext();
        change(await QueueSettings.ForChangeAsync(db, queue, CancellationToken.None));
        await db.SaveChangesAsync();
    }

    public async Task<TaskQueueSetting> QueueAsync(string queue)
    {
        await using var db = NewContext();
        return (await QueueSettings.LoadAsync(db, CancellationToken.None)).Single(q => q.Queue == queue);
    }

    public SimulatedChannel Simulated(ChannelKind kind) => new(kind, NewContext, () => Now);

    public TaskEngine Engine(string owner = "worker-1", ITaskChannel? channel = null, IContactGate? gate = null) =>
        new(NewContext, gate ?? new AllowAllContactGate(),
            new TaskChannelSet(channel is null ? [] : Enum.GetValues<ChannelKind>().Select(k => (ITaskChannel)new KindOf(k, channel)), Simulated),
            () => Now, Options, owner);

    public TaskDispatcher Dispatcher(string owner = "worker-1", ITaskChannel? channel = null, IContactGate? gate = null) =>
        new(Engine(owner, channel, gate));

    public ValueTask DisposeAsync() => Hospital.DisposeAsync();

    private sealed class KindOf(ChannelKind kind, ITaskChannel inner) : ITaskChannel
    {
        public ChannelKind Kind => kind;
        public Task<TaskOutcome> ExecuteAsync(TaskExecution execution, CancellationToken ct) => inner.ExecuteAsync(execution, ct);
    }
}

/// A channel whose outcomes a test scripts; it records every effect key it acted on and flags two effects for one
/// patient at the same moment.
public sealed class ScriptedChannel(Func<TaskExecution, TaskOutcome> decide) : ITaskChannel
{
    private readonly ConcurrentDictionary<long, int> _active = new();

    public ChannelKind Kind => ChannelKind.AiCall;
    public ConcurrentQueue<TaskExecution> Calls { get; } = new();
    public int Overlaps;

    public async Task<TaskOutcome> ExecuteAsync(TaskExecution execution, CancellationToken ct)
    {
        if (_active.AddOrUpdate(execution.Task.PatientId, 1, (_, n) => n + 1) > 1)
            Interlocked.Increment(ref Overlaps);
        try
        {
            Calls.Enqueue(execution);
            await Task.Yield();
            return decide(execution);
        }
        finally
        {
            _active.AddOrUpdate(execution.Task.PatientId, 0, (_, n) => n - 1);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Knowledge;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding.Chinese;
using Xunit;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Integrations.Calls;
using Suifang.Integrations.Telephony.Simulated;

namespace Suifang.Testing.Calls;

/// A task world with the AI call channel over the simulated phone network and the scripted conversation double: plans
/// whose step asks temperature, wound redness and chest pain, with a trigger on each.
public sealed class CallWorld : IAsyncDisposable
{
    private CallWorld(TaskWorld tasks, SimulatedTelephony telephony, IConversationFactory conversations, FixedScriptLibrary scripts)
    {
        Tasks = tasks;
        Telephony = telephony;
        Conversations = conversations;
        Channel = new AiCallChannel(tasks.NewContext, telephony, conversations, _ => scripts, tasks.Hospital.Protector, new ContactPolicies(),
            () => tasks.Now, Options);
    }

    /// The channel's options; a test may change them before a call (e.g. the configured language model).
    public CallsOptions Options { get; } = new();

    public TaskWorld Tasks { get; }
    public SimulatedTelephony Telephony { get; }
    public IConversationFactory Conversations { get; }

    /// The scripted conversation double (worlds made with CreateAsync).
    public ScriptedConversationFactory Scripted => (ScriptedConversationFactory)Conversations;
    public AiCallChannel Channel { get; }
    public DateTime Now { get => Tasks.Now; set => Tasks.Now = value; }

    public static async Task<CallWorld> CreateAsync(DatabaseProvider provider, PersonaMix? mix = null, params Script[] scripts) =>
        new(await TaskWorld.CreateAsync(provider), new SimulatedTelephony(7, mix ?? new PersonaMix { NoAnswerPercent = 0, BusyPercent = 0, PoweredOffPercent = 0 }), new ScriptedConversationFactory(), new FixedScriptLibrary(scripts));

    /// The same world with the real agent: the Chinese understanding and the dialogue engine over the scripts, answering
    /// patients' questions from <paramref name="knowledge"/> (an empty knowledge base when null).
    public static async Task<CallWorld> WithRealAgentAsync(DatabaseProvider provider, PersonaMix? mix = null, IKnowledgeSearch? knowledge = null, params Script[] scripts) =>
        new(await TaskWorld.CreateAsync(provider), new SimulatedTelephony(7, mix ?? new PersonaMix { NoAnswerPercent = 0, BusyPercent = 0, PoweredOffPercent = 0 }),
            new DialogueEngine(ChineseUnderstander.Shared, knowledge ?? new KnowledgeIndex([])), new FixedScriptLibrary(scripts));

    public SuifangDbContext NewContext() => Tasks.NewContext();

    public static List<NodeQuestion> Questions() =>
    [
        new() { Key = "temperature", Text = "您最近一次量的体温是多少度？", Kind = AnswerKind.Number, Unit = "℃" },
        new() { Key = "wound_redness", Text = "伤口周围有没有发红、肿起来？", Kind = AnswerKind.YesNo },
        new() { Key = "chest_pain", Text = "最近有没有胸口疼或者胸闷？", Kind = AnswerKind.YesNo },
    ];

    public static List<TriggerRule> Triggers() =>
    [
        new() { QuestionKey = "temperature", Operator = TriggerOperator.GreaterOrEqual, Value = "38.5", Description = "体温≥38.5℃，可能有感染" },
        new() { QuestionKey = "wound_redness", Operator = TriggerOperator.Equals, Value = "是", Description = "伤口红肿，请联系患者复查" },
        new() { QuestionKey = "chest_pain", Operator = TriggerOperator.Equals, Value = "是", Severity = TriggerSeverity.Critical, Description = "胸痛：立即联系患者" },
    ];

    /// A patient with the given persona and a plan whose one step (D+3) is an AI call with two redials; returns the task.
    public async Task<FollowUpTask> PatientWithCallAsync(Persona persona, string? scriptKey = null, int departmentId = 0, string? phone = null)
    {
        var builder = Tasks.Hospital.Patient().DischargedOn(Now.AddDays(-3), Tasks.Hospital.Cardiology.Id);
        if (phone is not null)
            builder.WithPhone(phone);
        var patient = (await Tasks.Hospital.AddAsync(builder)).Single();
        Telephony.Assign(Tasks.Hospital.Protector.Unprotect(patient.PhoneCipher), persona);
        return await StepTaskAsync(patient.Id, departmentId == 0 ? Tasks.Hospital.Cardiology.Id : departmentId, scriptKey);
    }

    public async Task<FollowUpTask> StepTaskAsync(long patientId, int departmentId, string? scriptKey = null, string label = "D+3")
    {
        await using var db = NewContext();
        var plan = new FollowUpPlan
        {
            HospitalId = Tasks.Hospital.Hospital.Id, CampusId = Tasks.Hospital.CampusId, PatientId = patientId, DepartmentId = departmentId,
            Source = PlanSource.Manual, AnchorTime = Now.AddDays(-3), CreatedAt = Now,
        };
        var step = new PlanStep
        {
            Title = "出院后3天", Label = label, DueFrom = Now, DueTo = Now.AddDays(2), ScriptKey = scriptKey, Questions = Questions(),
            Triggers = Triggers(), Channels = [new ChannelStep { Kind = ChannelKind.AiCall, Redials = 2, RedialIntervalMinutes = 60 }],
        };
        plan.Steps.Add(step);
        db.Plans.Add(plan);
        var task = StepTasks.Create(plan, step, 0, Now, Now);
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }

    /// Leases, starts and runs the patient's due AI-call task through the engine, and applies the outcome; returns the
    /// execution and its outcome.
    public async Task<(TaskExecution Execution, TaskOutcome Outcome)> RunAsync(long taskId, CancellationToken ct = default)
    {
        var engine = Tasks.Engine(channel: Channel);
        var execution = await StartAsync(engine, taskId);
        var outcome = await engine.RunAsync(execution, ct);
        await engine.FinishAsync([(execution, outcome)], CancellationToken.None);
        return (execution, outcome);
    }

    public async Task<TaskExecution> StartAsync(TaskEngine engine, long taskId)
    {
        await using (var db = NewContext())
            await db.Tasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.NextAttemptAt, Now).SetProperty(t => t.State, TaskState.Due));
        var leased = await engine.LeaseAsync(await Tasks.QueueAsync(TaskQueues.AiCall), 100, CancellationToken.None);
        Assert.Contains(taskId, leased);
        var started = await engine.StartAsync([taskId], CancellationToken.None);
        return Assert.Single(started);
    }

    public ValueTask DisposeAsync() => Tasks.DisposeAsync();
}

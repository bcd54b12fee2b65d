using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;
using Suifang.Agent.Telephony;
using Suifang.Core.Calls;
using Suifang.Core.Calls.Journal;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Security;
using Suifang.Core.Tasks;

namespace Suifang.Integrations.Calls;

/// 智能语音外呼 (5.1.4): the AI call channel of the task engine. For one task attempt it reads the patient, the plan step
/// and the script, dials, runs the conversation turn by turn while storing every exchange, then stores the answers,
/// evaluates the step's triggers, raises to-dos and maps the ending to the task's outcome.
/// The attempt's effect key is the call's idempotency key: the call row is written before dialling, so an execution
/// that finds it (a task resumed after a crash) never dials again — it reports the stored ending, or closes a call that
/// was cut off with what was stored.
public sealed class AiCallChannel(Func<SuifangDbContext> newContext, ITelephony telephony, IConversationFactory conversations,
    Func<int, IScriptLibrary> scripts, SensitiveDataProtector protector, ContactPolicies policies, Func<DateTime> now, CallsOptions options,
    ILogger<AiCallChannel>? log = null, Recordings.SimulatedRecordings? recordings = null) : ITaskChannel
{
    private readonly CallJournal _journal = new(newContext);
    private readonly ILogger _log = (ILogger?)log ?? NullLogger.Instance;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Hospital, string Key, int Version), byte> _markedUsed = new();

    public ChannelKind Kind => ChannelKind.AiCall;

    public ITelephony Telephony => telephony;

    public async Task<TaskOutcome> ExecuteAsync(TaskExecution execution, CancellationToken ct)
    {
        CallContext? context;
        await using (var db = newContext())
            context = await CallContext.LoadAsync(db, execution, ct);
        if (context is null)
            return TaskOutcome.Failed("找不到患者档案，无法外呼");
        if (context.Existing is { } existing)
            return await ReplayAsync(existing, context, execution.Task, ct);
        if (context.Blocked is { } blocked)
            return TaskOutcome.Failed("不再进行 AI 外呼：" + blocked);

        var script = await ScriptAsync(execution.Task, context, ct);
        var task = execution.Task;
        var begin = await _journal.BeginAsync(new CallStart(task.Id, execution.AttemptNumber, execution.EffectKey, task.HospitalId,
            task.CampusId, task.DepartmentId, task.PatientId, task.PlanId, task.PlanStepId, context.Step?.Label, script.Key, script.Version,
            telephony.Name, telephony is Telephony.Simulated.SimulatedTelephony, context.PhoneCipher, context.PhoneMasked, now()));
        if (begin.Replay)
            return await ReplayAsync(begin.Call, context, task, ct);

        var finish = await new CallSession(newContext, _journal, telephony, conversations, protector, policies, now, options, _log)
            .RunAsync(begin.Call, execution, context, script, ct);
        // A simulated call's recording is rendered from its transcript in the background (the line records nothing).
        if (recordings is not null && begin.Call.Simulated && finish.End != CallEnd.NotReached)
            recordings.Enqueue(begin.Call.Id);
        return CallOutcomes.ToTaskOutcome(Apply(begin.Call, finish), now());
    }

    /// 呼入: the patient called back and the task's attempt was started for this call (InboundCalls). The same script and
    /// conversation as a dialled call, on the answered incoming call; the call is stored marked as inbound. A key seen
    /// before (a resumed attempt) is replayed like a dialled one: nothing is said again.
    internal async Task<TaskOutcome> AnswerIncomingAsync(TaskExecution execution, IPhoneCall phone, string line, bool simulated,
        Func<IConversation, IConversation>? wrap, CancellationToken ct)
    {
        CallContext? context;
        await using (var db = newContext())
            context = await CallContext.LoadAsync(db, execution, ct);
        if (context is null)
            return TaskOutcome.Failed("找不到患者档案");
        if (context.Existing is { } existing)
            return await ReplayAsync(existing, context, execution.Task, ct);
        var script = await ScriptAsync(execution.Task, context, ct);
        var task = execution.Task;
        var begin = await _journal.BeginAsync(new CallStart(task.Id, execution.AttemptNumber, execution.EffectKey, task.HospitalId,
            task.CampusId, task.DepartmentId, task.PatientId, task.PlanId, task.PlanStepId, context.Step?.Label, script.Key, script.Version,
            line, simulated, context.PhoneCipher, context.PhoneMasked, now()) { Inbound = true });
        if (begin.Replay)
            return await ReplayAsync(begin.Call, context, task, ct);
        var finish = await new CallSession(newContext, _journal, telephony, conversations, protector, policies, now, options, _log)
            .TalkAsync(begin.Call, phone, execution, context, script, wrap, ct);
        return CallOutcomes.ToTaskOutcome(Apply(begin.Call, finish), now());
    }

    /// The script of the step's key (the hospital's published version, narrowed to this step's questions when the step
    /// names them; the version is marked used, so it is frozen from now on), or one made from the step's questions when
    /// the step has no script (or it is gone).
    internal async Task<Script> ScriptAsync(FollowUpTask task, CallContext context, CancellationToken ct)
    {
        if (context.Step?.ScriptKey is { Length: > 0 } key && await scripts(task.HospitalId).FindAsync(key, ct) is { } found)
        {
            // Once per script version and process: later calls need not write it again.
            var version = (task.HospitalId, found.Key, found.Version);
            if (!_markedUsed.ContainsKey(version))
            {
                await using (var db = newContext())
                    await Core.Scripts.ScriptUsage.MarkUsedAsync(db, task.HospitalId, found.Key, found.Version, now(), ct);
                _markedUsed.TryAdd(version, 0);
            }
            var keys = context.Questions.Select(q => q.Key).ToList();
            return keys.Count > 0 && keys.Any(k => found.Questions.Any(q => q.Key == k)) ? found.Only(keys) : found;
        }
        var name = context.Step?.Title ?? "随访";
        return QuestionScripts.FromQuestions(QuestionScripts.GeneratedPrefix + (task.PlanStepId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "task-" + task.Id),
            name, context.Questions, context.Department);
    }

    /// The key was seen before. An ended call reports its ending again; a call that was cut off (the node stopped while
    /// dialling or talking) is closed as interrupted with what was stored — the triggers still read the answers said
    /// before the stop — and the task redials later under a new key.
    internal async Task<TaskOutcome> ReplayAsync(Call call, CallContext context, FollowUpTask task, CancellationToken ct)
    {
        if (call.Status == CallStatus.Ended)
            return CallOutcomes.ToTaskOutcome(call, now());
        _log.LogWarning("Call {CallId} ({EffectKey}) was cut off; closing it without dialling again", call.Id, call.EffectKey);
        var finish = await CallFinishing.InterruptedAsync(newContext, call, context, task, now(), ct);
        await _journal.FinishAsync(call, finish);
        return CallOutcomes.ToTaskOutcome(Apply(call, finish), now());
    }

    internal static Call Apply(Call call, CallFinish finish)
    {
        call.Status = CallStatus.Ended;
        call.End = finish.End;
        call.Unreached = finish.NotReached;
        call.Detail = finish.Detail;
        call.CallBackAt = finish.CallBackAt;
        call.EndedAt = finish.EndedAt;
        return call;
    }
}

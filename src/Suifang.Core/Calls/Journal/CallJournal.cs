using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;

namespace Suifang.Core.Calls.Journal;

/// The call's record, written as the call goes, through one group-commit writer per node:
/// Begin (before dialling) → Exchange (each patient turn with the agent's reply, before the reply is said) → Finish.
/// Crash points: before Begin nothing happened; after Begin the key is taken, so a resumed attempt never dials again and
/// closes the call as interrupted with what was stored; after Finish a resumed attempt reports the stored ending.
public sealed class CallJournal(Func<SuifangDbContext> newContext)
{
    public static readonly AuditActor Actor = AuditActor.System("AI外呼");

    private readonly GroupWriter _writer = new(newContext);

    public Task<CallBegin> BeginAsync(CallStart start) => _writer.WriteAsync<CallBegin>(async (db, ct) =>
    {
        var existing = db.Calls.Local.FirstOrDefault(c => c.EffectKey == start.EffectKey)
            ?? await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.EffectKey == start.EffectKey, ct);
        if (existing is not null)
            return () => new CallBegin(existing, Replay: true);
        var call = new Call
        {
            TaskId = start.TaskId, AttemptNumber = start.AttemptNumber, EffectKey = start.EffectKey, HospitalId = start.HospitalId,
            CampusId = start.CampusId, DepartmentId = start.DepartmentId, PatientId = start.PatientId, PlanId = start.PlanId,
            PlanStepId = start.PlanStepId, Period = start.Period, ScriptKey = start.ScriptKey, ScriptVersion = start.ScriptVersion,
            Telephony = start.Telephony, Simulated = start.Simulated, NumberCipher = start.NumberCipher, NumberMasked = start.NumberMasked,
            Status = CallStatus.Dialling, StartedAt = start.At, Inbound = start.Inbound,
        };
        db.Calls.Add(call);
        return () => new CallBegin(call, Replay: false);
    });

    public Task ExchangeAsync(CallExchange exchange) => _writer.WriteAsync<object?>(async (db, ct) =>
    {
        if (exchange.AnsweredAt is { } at)
            await db.Calls.Where(c => c.Id == exchange.CallId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CallStatus.Talking).SetProperty(c => c.AnsweredAt, at), ct);
        foreach (var turn in exchange.Turns)
        {
            turn.CallId = exchange.CallId;
            db.CallTurns.Add(turn);
        }
        await StoreAnswersAsync(db, exchange.CallId, exchange.Answers, exchange.Corrections, ct);
        return () => null;
    });

    public Task FinishAsync(Call call, CallFinish finish) => _writer.WriteAsync<object?>(async (db, ct) =>
    {
        var stored = await db.Calls.FirstAsync(c => c.Id == finish.CallId, ct);
        stored.Status = CallStatus.Ended;
        stored.End = finish.End;
        stored.EndedAt = finish.EndedAt;
        stored.Unreached = finish.NotReached;
        stored.Detail = Clip(finish.Detail, 256);
        stored.CallBackAt = finish.CallBackAt;
        stored.AnsweredByFamily = finish.AnsweredByFamily;
        stored.RecordingPath = finish.RecordingPath;
        stored.UnderstandingSource = Clip(finish.UnderstandingSource, 64);
        stored.UnderstandingModel = Clip(finish.UnderstandingModel, 200);
        stored.TriggerRulesVersion = finish.TriggerRulesVersion;
        stored.Summary = Clip(finish.Summary, 1000);
        await StoreAnswersAsync(db, finish.CallId, finish.Answers, finish.Corrections, ct);
        // A finding already open from another channel of the step (a late questionnaire answer) is not raised twice.
        foreach (var todo in await TodoDuplicates.WithoutOpenAsync(db, finish.Todos, ct))
        {
            todo.CallId = finish.CallId;
            db.Todos.Add(todo);
        }
        if (finish.Flag is { } flag)
        {
            flag.CallId = finish.CallId;
            db.PatientCallFlags.Add(flag);
        }
        var stopped = finish.Stop is { } stop ? await StopPlansAsync(db, stop, finish.EndedAt, ct) : 0;
        db.AuditEvent("call.record", nameof(Call), finish.CallId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"AI 外呼 {finish.CallId}（患者 ID {call.PatientId}）结束：{CallText.End(finish.End)}；对话 {finish.Turns} 轮，新的随访结果 {finish.Answers.Count} 项，待办 {finish.Todos.Count} 个"
            + (finish.Flag is { } f ? $"；标记：{CallText.Flag(f.Kind)}" : "")
            + (finish.Stop is not null ? $"；停止随访计划 {stopped} 个" : ""));
        return () => null;
    });

    /// One stored answer per question of the call: a new key is inserted (no query on the hot path), a correction replaces
    /// the stored value.
    private static async Task StoreAnswersAsync(SuifangDbContext db, long callId, IReadOnlyList<FollowUpResult> answers,
        IReadOnlyList<FollowUpResult> corrections, CancellationToken ct)
    {
        foreach (var a in answers)
        {
            a.CallId = callId;
            db.FollowUpResults.Add(a);
        }
        foreach (var a in corrections)
            await db.FollowUpResults.Where(r => r.CallId == callId && r.QuestionKey == a.QuestionKey)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, a.Value).SetProperty(r => r.Said, a.Said)
                    .SetProperty(r => r.TurnIndex, a.TurnIndex).SetProperty(r => r.Confirmed, a.Confirmed).SetProperty(r => r.At, a.At), ct);
    }

    /// 已去世: every active plan of the patient stopped with the reason, its open steps cancelled, and every open task of
    /// the patient except the running one cancelled (the engine closes that one with the call's outcome).
    internal static async Task<int> StopPlansAsync(SuifangDbContext db, PlanStop stop, DateTime now, CancellationToken ct)
    {
        var plans = await db.Plans.Include(p => p.Steps)
            .Where(p => p.PatientId == stop.PatientId && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Scheduled)).ToListAsync(ct);
        foreach (var plan in plans)
        {
            plan.Status = PlanStatus.Stopped;
            plan.ClosedAt = now;
            plan.ClosedReason = Clip(stop.Reason, 256);
            plan.LaterStepsFrom = null;   // later steps not yet made rows show as cancelled (LaterSteps)
            foreach (var step in plan.Steps.Where(s => s.Status is StepStatus.Waiting or StepStatus.InProgress))
                step.Status = StepStatus.Cancelled;
        }
        var outcome = Clip("计划已停止：" + stop.Reason, 256);
        await db.Tasks.Open().Where(t => t.PatientId == stop.PatientId && t.Id != stop.RunningTaskId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TaskState.Cancelled).SetProperty(t => t.Outcome, outcome)
                .SetProperty(t => t.FinishedAt, now).SetProperty(t => t.UpdatedAt, now).SetProperty(t => t.LeaseOwner, (string?)null)
                .SetProperty(t => t.LeaseExpiresAt, (DateTime?)null).SetProperty(t => t.Version, t => t.Version + 1), ct);
        foreach (var plan in plans)
            db.AuditEvent("plan.stop", nameof(FollowUpPlan), plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"停止随访计划 {plan.Id}（患者 ID {plan.PatientId}），原因：{stop.Reason}");
        return plans.Count;
    }

    private static string? Clip(string? s, int max) => s is { Length: > 0 } && s.Length > max ? s[..max] : s;
}

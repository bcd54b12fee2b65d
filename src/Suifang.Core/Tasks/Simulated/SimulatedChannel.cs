using Suifang.Core.Data;
using Suifang.Core.Pathways;

namespace Suifang.Core.Tasks.Simulated;

/// 模拟通道: an embedded stand-in for calls and SMS, for the demo and the tests. It places no real call. Each effect is
/// recorded once in SimulatedEffects under its effect key; presented again with the same key (a task resumed after a
/// crash) it returns the recorded outcome and counts a replay instead of acting. Whether a patient is reached is
/// decided from the patient id and the attempt number alone, so every run is reproducible.
public sealed class SimulatedChannel(ChannelKind kind, Func<SuifangDbContext> newContext, Func<DateTime> now, int effectMilliseconds = 0)
    : ITaskChannel
{
    public ChannelKind Kind { get; } = kind;

    private readonly EffectLog _log = new(newContext, now);

    public async Task<TaskOutcome> ExecuteAsync(TaskExecution execution, CancellationToken ct)
    {
        var decided = Decide(execution.Task.PatientId, execution.AttemptNumber, Kind);
        var proposed = new SimulatedEffect
        {
            EffectKey = execution.EffectKey,
            TaskId = execution.Task.Id,
            PatientId = execution.Task.PatientId,
            AttemptNumber = execution.AttemptNumber,
            Channel = Kind,
            Outcome = decided.Kind,
            Summary = decided.Summary,
            StartedAt = now(),
            EndedAt = effectMilliseconds > 0 ? null : now(), // an instant effect is written once
        };
        // The effect "happens" when it is recorded; a crash after this point is replayed, not repeated.
        var effect = await _log.RecordAsync(proposed);
        if (effectMilliseconds > 0 && ReferenceEquals(effect, proposed))
        {
            await Task.Delay(effectMilliseconds, ct);
            effect = await _log.EndAsync(execution.EffectKey);
        }
        return ToOutcome(effect);
    }

    /// 5 % of patients have an invalid number; 30 % do not answer the first try, 10 % not the second either; SMS and
    /// questionnaire links are delivered unless the number is invalid.
    public static (OutcomeKind Kind, string Summary) Decide(long patientId, int attempt, ChannelKind kind)
    {
        var bucket = (int)((ulong)(patientId * 2654435761L) % 100);
        if (bucket < 5)
            return (OutcomeKind.Failed, "模拟：空号");
        if (kind is ChannelKind.Sms or ChannelKind.Questionnaire)
            return (OutcomeKind.Completed, "模拟：短信已送达");
        if (bucket < 15 || (bucket < 35 && attempt == 1))
            return (OutcomeKind.NotReached, attempt % 2 == 0 ? "模拟：占线" : "模拟：无人接听");
        return (OutcomeKind.Completed, kind == ChannelKind.Manual ? "模拟：人工随访已完成" : "模拟：已接通，随访完成");
    }

    private static TaskOutcome ToOutcome(SimulatedEffect e) => e.Outcome switch
    {
        OutcomeKind.Failed => TaskOutcome.Failed(e.Summary),
        OutcomeKind.NotReached => TaskOutcome.NotReached(e.Summary),
        _ => TaskOutcome.Completed(e.Summary),
    };
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Telephony;
using Suifang.Core.Audit;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Core.Todos;

namespace Suifang.Integrations.Calls;

/// 呼入 (issue #4 "Inbound call-back"): a patient who missed the call calls the hospital's number back. The caller's
/// number is looked up through the phone index (numbers are encrypted; the patient's own number or the family contact's);
/// the patient's open AI-call task is leased to this call like the dispatcher leases (InboundClaims), started with its
/// attempt and effect key (TaskStarts), carried out by the same script and conversation on the incoming call
/// (AiCallChannel.AnswerIncomingAsync, the call marked inbound) and finished with the same outcome rules (a completed
/// follow-up completes the task and drops its redial). Several patients on one number: the caller chooses by key or name,
/// else the oldest pending follow-up is taken. Unknown number or nothing pending: a polite answer and a nurse's to-do.
/// Every incoming call is kept (InboundCall) and audited.
public sealed class InboundCalls(Func<SuifangDbContext> newContext, AiCallChannel channel, SensitiveDataProtector protector,
    Func<DateTime> now, TaskEngineOptions engineOptions, CallsOptions options, ILogger<InboundCalls>? log = null)
{
    public static readonly AuditActor Actor = AuditActor.System("AI呼入");
    public const string NothingPendingReason = "患者来电，未找到待随访任务";

    private readonly ILogger _log = (ILogger?)log ?? NullLogger.Instance;
    private readonly string _owner = $"inbound:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    public async Task HandleAsync(IncomingCall incoming, CancellationToken ct)
    {
        var number = new string(incoming.CallerNumber.Where(char.IsAsciiDigit).ToArray());
        var simulated = channel.Telephony is Telephony.Simulated.SimulatedTelephony;
        var log = new InboundCall { ReceivedAt = now(), Line = Clip(incoming.LineId, 128) };
        if (number.Length == 0)
        {
            log.HospitalId = await DefaultHospitalAsync(ct);
            log.Result = InboundResult.Withheld;
            await SayAndEndAsync(incoming.Call, InboundWords.Withheld(await HospitalNameAsync(log.HospitalId, ct)), ct);
            await SaveAsync(log, "来电未显示号码", ct);
            return;
        }
        var secured = protector.Protect(SensitiveKind.Phone, number);
        (log.NumberCipher, log.NumberIndex, log.NumberMasked) = (secured.Cipher, secured.Index, secured.Masked);

        List<Caller> patients;
        await using (var db = newContext())
            patients = await db.Patients.AsNoTracking()
                .Where(p => p.PhoneIndex == secured.Index || p.FamilyPhoneIndex == secured.Index)
                .OrderBy(p => p.Id).Select(p => new Caller(p.Id, p.HospitalId, p.Name)).ToListAsync(ct);
        log.HospitalId = patients.Count > 0 ? patients[0].HospitalId : await DefaultHospitalAsync(ct);
        var hospital = await HospitalNameAsync(log.HospitalId, ct);
        if (patients.Count == 0)
        {
            log.Result = InboundResult.UnknownNumber;
            await SayAndEndAsync(incoming.Call, InboundWords.Unknown(hospital), ct);
            await SaveAsync(log, $"来电号码 {secured.Masked} 未登记，请护士回电", ct);
            return;
        }

        List<InboundCandidate> pending;
        await using (var db = newContext())
            pending = await InboundClaims.PendingAsync(db, patients.Select(p => p.Id).ToList(), ct);
        var free = pending.Where(c => !c.Busy).ToList();
        log.PatientId = patients[0].Id;
        if (free.Count == 0)
        {
            var busy = pending.Count > 0;
            log.Result = busy ? InboundResult.Busy : InboundResult.NothingPending;
            await SayAndEndAsync(incoming.Call, busy ? InboundWords.Busy(hospital) : InboundWords.NothingPending(hospital), ct);
            await SaveAsync(log, busy ? "患者的随访正由另一条线路进行" : NothingPendingReason, ct, todoFor: busy ? null : patients[0]);
            return;
        }

        // Several patients of this number with a follow-up waiting (family): the caller chooses.
        var choices = patients.Where(p => free.Any(c => c.PatientId == p.Id)).ToList();
        var prefix = InboundWords.Thanks;
        if (choices.Count > 1)
        {
            var chosen = await InboundChoice.AskAsync(incoming.Call, hospital, choices.Select(c => c.Name).ToList(), options.ListenTimeoutSeconds, ct);
            if (incoming.Call.HungUp)
            {
                log.Result = InboundResult.NothingPending;
                await SaveAsync(log, "来电在选择患者时挂断", ct, todoFor: choices[0]);
                return;
            }
            if (chosen is { } index)
                free = free.Where(c => c.PatientId == choices[index].Id).ToList();
            prefix = "好的。";
        }

        foreach (var candidate in free)
        {
            bool claimed;
            await using (var db = newContext())
                claimed = await InboundClaims.ClaimAsync(db, candidate.TaskId, _owner, now(), TimeSpan.FromSeconds(engineOptions.LeaseSeconds), ct);
            if (!claimed)
                continue;
            log.PatientId = candidate.PatientId;
            log.TaskId = candidate.TaskId;
            var carried = new IncomingChannel(channel, incoming.Call, incoming.LineId, simulated, prefix);
            var engine = new TaskEngine(newContext, new AllowAllContactGate(), new TaskChannelSet([], _ => carried), now, engineOptions, _owner, _log);
            var started = await engine.StartAsync([candidate.TaskId], ct);
            if (started.Count == 0)
                continue;
            var execution = started[0];
            var outcome = await engine.RunAsync(execution, ct);
            await engine.FinishAsync([(execution, outcome)], ct);
            log.Result = InboundResult.Continued;
            await using (var db = newContext())
                log.CallId = await db.Calls.Where(c => c.EffectKey == execution.EffectKey).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
            await SaveAsync(log, $"继续随访任务 {candidate.TaskId}：{outcome.Summary}", ct);
            return;
        }
        // Taken by a line between the look-up and the claim.
        log.Result = InboundResult.Busy;
        await SayAndEndAsync(incoming.Call, InboundWords.Busy(hospital), ct);
        await SaveAsync(log, "患者的随访正由另一条线路进行", ct);
    }

    private static async Task SayAndEndAsync(IPhoneCall call, string words, CancellationToken ct)
    {
        if (!call.HungUp)
            await call.SayAsync(new AgentTurn(words, EndsCall: true), ct);
    }

    /// The record of the incoming call, its audit entry and, where a nurse must call back, the to-do.
    private async Task SaveAsync(InboundCall log, string note, CancellationToken ct, Caller? todoFor = null)
    {
        await using var db = newContext();
        db.Actor = Actor;
        log.Note = Clip(note, 500);
        if (log.Result == InboundResult.Continued)
            log.HandledAt = log.ReceivedAt;
        if (todoFor is not null && await DepartmentOfAsync(db, todoFor.Id, ct) is { } department)
        {
            db.Todos.Add(new TodoItem
            {
                HospitalId = todoFor.HospitalId, DepartmentId = department, PatientId = todoFor.Id, Kind = TodoKind.CallBack,
                Urgency = TodoUrgency.Normal, Reason = NothingPendingReason + $"（来电号码 {log.NumberMasked}），请回电了解来意",
                Source = "inbound-call", Status = TodoStatus.Open, CreatedAt = log.ReceivedAt,
            });
            log.HandledAt = log.ReceivedAt; // the to-do carries it from here
        }
        db.InboundCalls.Add(log);
        db.AuditEvent("call.inbound", nameof(InboundCall), null,
            $"患者来电 {log.NumberMasked}" + (log.PatientId is { } p ? $"（患者 ID {p}）" : "（号码未登记）") + $"：{note}");
        await db.SaveChangesAsync(ct);
        _log.LogInformation("Inbound call from {Number}: {Result}", log.NumberMasked, log.Result);
    }

    /// The department of the patient's latest plan, else of their latest encounter.
    private static async Task<int?> DepartmentOfAsync(SuifangDbContext db, long patientId, CancellationToken ct) =>
        await db.Plans.AsNoTracking().Where(p => p.PatientId == patientId).OrderByDescending(p => p.Id).Select(p => (int?)p.DepartmentId).FirstOrDefaultAsync(ct)
        ?? await db.Encounters.AsNoTracking().Where(e => e.PatientId == patientId).OrderByDescending(e => e.Id).Select(e => (int?)e.DepartmentId).FirstOrDefaultAsync(ct);

    private async Task<int> DefaultHospitalAsync(CancellationToken ct)
    {
        if (options.InboundHospitalId is { } configured)
            return configured;
        await using var db = newContext();
        return await db.Hospitals.AsNoTracking().OrderBy(h => h.Id).Select(h => h.Id).FirstAsync(ct);
    }

    private async Task<string> HospitalNameAsync(int hospitalId, CancellationToken ct)
    {
        await using var db = newContext();
        return await db.Hospitals.AsNoTracking().Where(h => h.Id == hospitalId).Select(h => h.Name).FirstOrDefaultAsync(ct) ?? "医院";
    }

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;

    private sealed record Caller(long Id, int HospitalId, string Name);

    /// The AI-call channel for the one task started for this incoming call: talks on the answered call, never dials.
    private sealed class IncomingChannel(AiCallChannel channel, IPhoneCall phone, string line, bool simulated, string prefix) : ITaskChannel
    {
        public Core.Pathways.ChannelKind Kind => Core.Pathways.ChannelKind.AiCall;

        public Task<TaskOutcome> ExecuteAsync(TaskExecution execution, CancellationToken ct) =>
            channel.AnswerIncomingAsync(execution, phone, line, simulated, c => new GreetedConversation(c, prefix), ct);
    }

    /// The script's opening, after a word of thanks for calling back.
    private sealed class GreetedConversation(IConversation inner, string prefix) : IConversation
    {
        public AgentTurn Open()
        {
            var turn = inner.Open();
            return turn with { Say = prefix + turn.Say };
        }

        public AgentTurn Reply(PatientInput input) => inner.Reply(input);

        public ConversationOutcome Outcome => inner.Outcome;
    }
}

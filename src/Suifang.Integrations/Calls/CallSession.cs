using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;
using Suifang.Agent.Telephony;
using Suifang.Core.Calls;
using Suifang.Core.Calls.Journal;
using Suifang.Core.Contact;
using Suifang.Core.Patients;
using Suifang.Core.Security;
using Suifang.Core.Tasks;

namespace Suifang.Integrations.Calls;

/// One call from dialling to hanging up. Every exchange (the patient's turn and the agent's reply) is committed before
/// the reply is said, so a crash loses nothing the patient said before the last reply.
internal sealed class CallSession(Func<Suifang.Core.Data.SuifangDbContext> newContext, CallJournal journal, ITelephony telephony, IConversationFactory conversations,
    SensitiveDataProtector protector, ContactPolicies policies, Func<DateTime> now, CallsOptions options, ILogger log)
{
    public async Task<CallFinish> RunAsync(Call call, TaskExecution execution, CallContext context, Script script, CancellationToken ct)
    {
        var number = protector.Unprotect(context.PhoneCipher);
        DialResult dial;
        try
        {
            dial = await telephony.DialAsync(number, new CallRequest(execution.EffectKey, TimeSpan.FromSeconds(options.RingTimeoutSeconds)), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Dialling failed for call {CallId}", call.Id);
            dial = DialResult.Failed(NotReachedReason.NetworkError, "拨号出错：" + ex.Message);
        }
        if (dial.Call is not { } phone)
        {
            var reason = (UnreachedReason)(int)(dial.NotReached ?? NotReachedReason.NetworkError);
            var finish = new CallFinish { CallId = call.Id, End = CallEnd.NotReached, NotReached = reason, Detail = CallText.NotReached(reason), EndedAt = now() };
            await journal.FinishAsync(call, finish);
            return finish;
        }
        return await TalkAsync(call, phone, execution, context, script, null, ct);
    }

    /// The call is answered (dialled, or the patient called in): the conversation, then what it leaves behind.
    /// <paramref name="wrap"/> adapts the conversation (an incoming call is greeted differently).
    public async Task<CallFinish> TalkAsync(Call call, IPhoneCall phone, TaskExecution execution, CallContext context, Script script,
        Func<IConversation, IConversation>? wrap, CancellationToken ct)
    {
        var transcript = new Transcript(call, execution.Task, context.Step?.Label, now);
        IConversation? conversation = null;
        string? failure = null;
        await using (phone)
        {
            try
            {
                var setup = new ConversationSetup(context.PatientName, context.Hospital, context.Department, now(), context.Anchor,
                    context.Step?.Label, context.Memory, context.PatientGender == Gender.Male,
                    PatientAge.On(context.PatientBirthDate, DateOnly.FromDateTime(now())))
                {
                    CallBackNumber = options.CallBackNumber,
                    Sex = context.PatientGender switch { Gender.Male => PatientSex.Male, Gender.Female => PatientSex.Female, _ => PatientSex.Unknown },
                };
                conversation = conversations.Start(script, setup);
                if (wrap is not null)
                    conversation = wrap(conversation);
                await TalkAsync(phone, conversation, transcript, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The line or the dialogue failed: the call is closed as interrupted with what was stored.
                log.LogWarning(ex, "Call {CallId} failed while talking", call.Id);
                failure = "通话出错：" + ex.Message;
            }
        }
        var ending = OutcomeOf(conversation, phone.HungUp && failure is null);
        Core.Contact.ContactPolicy policy;
        await using (var db = newContext())
            policy = await policies.GetAsync(db, execution.Task.HospitalId, ct);
        var finished = CallFinishing.FromConversation(ending, transcript, context, phone.RecordingPath, failure, phone.HungUp,
            policy.Schedule, execution.Task, call.Id, now(), options.LanguageModel);
        await journal.FinishAsync(call, finished);
        return finished;
    }

    private async Task TalkAsync(IPhoneCall phone, IConversation conversation, Transcript transcript, CancellationToken ct)
    {
        CallMetrics.ActiveCalls.Add(1);
        try
        {
            await ConverseAsync(phone, conversation, transcript, ct);
        }
        finally
        {
            CallMetrics.ActiveCalls.Add(-1);
        }
    }

    private async Task ConverseAsync(IPhoneCall phone, IConversation conversation, Transcript transcript, CancellationToken ct)
    {
        var turn = conversation.Open();
        await journal.ExchangeAsync(transcript.Opening(turn));
        await phone.SayAsync(turn, ct);
        for (var exchanges = 0; !turn.EndsCall; exchanges++)
        {
            if (exchanges >= options.MaxExchanges)
                throw new InvalidOperationException($"对话超过 {options.MaxExchanges} 轮仍未结束");
            var listenedFrom = transcript.Elapsed;
            var input = await phone.ListenAsync(TimeSpan.FromSeconds(options.ListenTimeoutSeconds), ct);
            if (phone.HungUp && input.IsSilence)
                return;
            var heard = Stopwatch.GetTimestamp();
            turn = conversation.Reply(input);
            var exchange = transcript.Exchange(input, turn, listenedFrom, conversation.Outcome, heard);
            await journal.ExchangeAsync(exchange);
            CallMetrics.TurnMilliseconds.Record(Stopwatch.GetElapsedTime(heard).TotalMilliseconds);
            await phone.SayAsync(turn, ct);
            if (phone.HungUp)
                return;
        }
    }

    private ConversationOutcome? OutcomeOf(IConversation? conversation, bool hungUp)
    {
        try
        {
            // 中断 (5.3.5): the patient hung up before the agent ended the call.
            return hungUp && conversation?.Outcome.Ending == CallEnding.InProgress ? conversation.HungUp() : conversation?.Outcome;
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "The conversation's outcome could not be read");
            return null;
        }
    }
}

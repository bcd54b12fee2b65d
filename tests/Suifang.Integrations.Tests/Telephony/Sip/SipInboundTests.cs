using Microsoft.EntityFrameworkCore;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Telephony;
using Suifang.Core.Calls;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Integrations.Calls;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.Integrations.Tests.Telephony.Sip;

/// 呼入 on 127.0.0.1 (issue #4 "Inbound call-back"): the patient's baresip calls the system's baresip line; the line
/// accepts, hands the call with the caller's number from the SIP From header to the handler, and is free again after.
public sealed class SipInboundTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static Task DialLineAsync(SipWorld world) =>
        world.Patient.Control.SendAsync("dial", $"sip:{world.Options.CallerId}@127.0.0.1:{world.Ports.LineSip}", None);

    [Fact]
    public async Task An_incoming_call_is_answered_with_the_callers_number_plays_prompts_takes_keys_and_frees_the_line()
    {
        await using var world = await SipWorld.WithPatientAsync();
        await world.Telephony.StartAsync(None);
        var answered = new TaskCompletionSource<(string Number, string? Dtmf, string? Recording)>(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Telephony.Answer(async (incoming, ct) =>
        {
            await incoming.Call.SayAsync(new AgentTurn("您好，感谢您回电。伤口不疼请按1。", AcceptsDtmf: true), ct);
            var input = await incoming.Call.ListenAsync(TimeSpan.FromSeconds(10), ct);
            await incoming.Call.SayAsync(new AgentTurn("好的，再见。", EndsCall: true), ct);
            await incoming.Call.DisposeAsync();
            answered.TrySetResult((incoming.CallerNumber, input.Dtmf, incoming.Call.RecordingPath));
        });

        await DialLineAsync(world);
        await world.Patient.WaitForAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(5));
        for (var i = 0; i < 200 && Tones.LoudestRms(world.Patient.Heard()) < 1000; i++)
            await Task.Delay(50);
        Assert.True(Tones.LoudestRms(world.Patient.Heard()) > 1000, "the caller heard the prompt");
        await world.Patient.PressAsync("1");
        var (number, dtmf, recording) = await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await world.Patient.WaitForAsync("CALL_CLOSED", TimeSpan.FromSeconds(10));

        Assert.Equal(PatientPhone.Number, number);
        Assert.Equal("1", dtmf);
        Assert.NotNull(recording);
        Assert.True(File.Exists(recording));
        // The one line is free again: an outbound call goes out on it.
        var dial = await world.DialAsync("after-inbound");
        Assert.Null(dial.NotReached);
        await dial.Call!.DisposeAsync();
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_unknown_caller_over_sip_hears_the_polite_answer_and_is_kept_with_the_number_from_the_from_header(DatabaseProvider provider)
    {
        await using var world = await SipWorld.WithPatientAsync();
        await world.Telephony.StartAsync(None);
        await using var calls = await CallWorld.CreateAsync(provider);
        var channel = new AiCallChannel(calls.NewContext, world.Telephony, calls.Conversations, _ => new FixedScriptLibrary([]),
            calls.Tasks.Hospital.Protector, new ContactPolicies(), () => calls.Now, new CallsOptions());
        var inbound = new InboundCalls(calls.NewContext, channel, calls.Tasks.Hospital.Protector, () => calls.Now, calls.Tasks.Options, new CallsOptions());
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Telephony.Answer(async (incoming, ct) =>
        {
            try { await inbound.HandleAsync(incoming, ct); }
            finally { done.TrySetResult(); }
        });

        await DialLineAsync(world);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await world.Patient.WaitForAsync("CALL_CLOSED", TimeSpan.FromSeconds(10));

        Assert.True(Tones.LoudestRms(world.Patient.Heard()) > 1000, "the caller heard the answer");
        await using var db = calls.NewContext();
        var log = await db.InboundCalls.SingleAsync();
        Assert.Equal(InboundResult.UnknownNumber, log.Result);
        Assert.Equal("138****0000", log.NumberMasked);
        Assert.StartsWith("SIP line 1", log.Line);
    }
}

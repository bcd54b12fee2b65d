namespace Suifang.Agent.Telephony;

/// <summary>
/// A telephony whose lines also take calls (呼入): a patient who missed the hospital's call calls the hospital's number
/// back. Each incoming call is answered by the line (auto-answer when a line is free) and handed to the registered
/// handler with the caller's number; the handler talks on the <see cref="IPhoneCall"/> and the line hangs up and is free
/// again once the handler returns (disposing the call there is allowed too).
/// </summary>
public interface IInboundTelephony : ITelephony
{
    /// <summary>Registers the one handler of answered incoming calls; a call that arrives without a handler is not
    /// answered. Call once at start-up; a later call replaces the handler.</summary>
    void Answer(Func<IncomingCall, CancellationToken, Task> handler);
}

/// <summary>An answered incoming call.</summary>
/// <param name="CallerNumber">The caller's number as plain digits (from the SIP From header / the calling line identity);
/// empty when the caller withheld it.</param>
/// <param name="Call">The answered call: say, listen, hang up.</param>
/// <param name="LineId">Which line or call it came in on (for logs), e.g. "SIP line 1" or "模拟电话网络".</param>
public sealed record IncomingCall(string CallerNumber, IPhoneCall Call, string LineId);

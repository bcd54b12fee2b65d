using System.Globalization;
using Suifang.Agent.Telephony;
using Suifang.Integrations.Telephony.Sip.Audio;

namespace Suifang.Integrations.Telephony.Sip;

/// Why a call was not answered, from the final SIP response and from the tones the carrier played as early media
/// (standard 5.3.6: powered off/out of service, wrong or empty number, no answer, busy).
internal static class UnreachedClassifier
{
    /// <param name="closeReason">baresip's CALL_CLOSED reason, e.g. "486 Busy Here"; null when the line hung up itself.</param>
    /// <param name="tone">What the early media contained.</param>
    /// <param name="ringTimedOut">Our own ring timeout ended the attempt.</param>
    /// <param name="provisional">The far end answered the INVITE with 180/183 before it ended.</param>
    public static DialResult Classify(string? closeReason, EarlyMediaTone tone, bool ringTimedOut, bool provisional)
    {
        var code = SipCode(closeReason);
        var byTone = tone switch
        {
            EarlyMediaTone.SpecialInformationVacant => NotReachedReason.InvalidNumber,
            EarlyMediaTone.SpecialInformation => code is 404 or 484 or 604 ? NotReachedReason.InvalidNumber : NotReachedReason.PoweredOff,
            EarlyMediaTone.Busy => NotReachedReason.Busy,
            EarlyMediaTone.Congestion => NotReachedReason.NetworkError,
            _ => (NotReachedReason?)null,
        };
        var byCode = code switch
        {
            486 or 600 => NotReachedReason.Busy,
            404 or 484 or 604 => NotReachedReason.InvalidNumber,
            603 => NotReachedReason.Rejected,
            408 or 480 or 487 => NotReachedReason.NoAnswer,
            _ when ringTimedOut => provisional ? NotReachedReason.NoAnswer : NotReachedReason.NetworkError,
            _ => NotReachedReason.NetworkError,
        };
        var reason = byTone ?? byCode;
        return DialResult.Failed(reason, Describe(reason, closeReason, tone, ringTimedOut, provisional));
    }

    public static int? SipCode(string? reason) =>
        reason is { Length: >= 3 } && int.TryParse(reason.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            && code is >= 300 and < 700 ? code : null;

    private static string Describe(NotReachedReason reason, string? closeReason, EarlyMediaTone tone, bool timedOut, bool provisional)
    {
        var what = reason switch
        {
            NotReachedReason.Busy => "对方忙",
            NotReachedReason.InvalidNumber => "空号或号码错误",
            NotReachedReason.PoweredOff => "关机、停机或不在服务区",
            NotReachedReason.Rejected => "对方拒接",
            NotReachedReason.NoAnswer => "无人接听",
            _ => "线路故障或运营商无响应",
        };
        var evidence = new List<string>();
        if (closeReason is not null)
            evidence.Add($"SIP：{closeReason}");
        if (tone != EarlyMediaTone.None)
            evidence.Add(tone switch
            {
                EarlyMediaTone.Busy => "早期媒体：忙音",
                EarlyMediaTone.Congestion => "早期媒体：拥塞音",
                _ => "早期媒体：特殊信息音",
            });
        if (timedOut)
            evidence.Add(provisional ? "振铃超时" : "呼叫超时，运营商无应答");
        return evidence.Count == 0 ? what : $"{what}（{string.Join("；", evidence)}）";
    }
}

using Microsoft.Extensions.Options;

namespace Suifang.Integrations.Telephony;

/// Checks the telephony settings at start and says in Chinese what to fix.
internal sealed class TelephonyOptionsValidator : IValidateOptions<TelephonyOptions>
{
    public ValidateOptionsResult Validate(string? name, TelephonyOptions options)
    {
        if (options.Provider != TelephonyProvider.Sip)
            return ValidateOptionsResult.Success;
        var sip = options.Sip;
        var errors = new List<string>();
        if (!Uri.TryCreate(sip.TrunkUri, UriKind.Absolute, out var trunk) || trunk.Scheme != "sip")
            errors.Add($"已选择 SIP 外呼（Telephony:Provider=Sip），但 Telephony:Sip:TrunkUri“{sip.TrunkUri}”不是 SIP 地址，例如 sip:10.1.2.3:5060（医院 SIP 中继的地址）。");
        if (sip.RegistrarUri is { Length: > 0 } registrar)
        {
            if (!Uri.TryCreate(registrar, UriKind.Absolute, out var r) || r.Scheme != "sip")
                errors.Add($"Telephony:Sip:RegistrarUri“{registrar}”不是 SIP 地址，例如 sip:ims.example.cn。");
            if (string.IsNullOrWhiteSpace(sip.UserName) || string.IsNullOrEmpty(sip.Password))
                errors.Add("配置了注册服务器 Telephony:Sip:RegistrarUri，还需要 Telephony:Sip:UserName 和 Telephony:Sip:Password（运营商给的账号和密码）。");
        }
        if (!System.Net.IPAddress.TryParse(sip.ListenAddress, out _))
            errors.Add($"Telephony:Sip:ListenAddress“{sip.ListenAddress}”应是本机 IP 地址，例如 10.1.2.10。");
        if (sip.Lines is < 1 or > 64)
            errors.Add("Telephony:Sip:Lines（同时通话的线路数）应在 1–64 之间。");
        if (sip.LocalSipPort is < 1024 || sip.LocalSipPort + 4 * sip.Lines > 65535)
            errors.Add("Telephony:Sip:LocalSipPort 应在 1024–65535 之间，并为每条线路留出 4 个端口。");
        if (sip.RtpPortMin < 1024 || sip.RtpPortMax > 65535 || sip.RtpPortMax - sip.RtpPortMin + 1 < 4 * sip.Lines)
            errors.Add("Telephony:Sip:RtpPortMin–RtpPortMax（语音端口范围）应在 1024–65535 之间，每条线路至少 4 个端口。");
        else if (sip.LocalSipPort + 4 * sip.Lines > sip.RtpPortMin && sip.LocalSipPort <= sip.RtpPortMax)
            errors.Add("Telephony:Sip:LocalSipPort 起的信令端口与 RTP 语音端口范围重叠，请错开。");
        if (string.IsNullOrWhiteSpace(sip.CallerId) || sip.CallerId.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '@' or '"'))
            errors.Add("Telephony:Sip:CallerId（主叫号码）不能为空，也不能含空格或 < > @ \"。");
        if (string.IsNullOrWhiteSpace(sip.RecordingsFolder))
            errors.Add("Telephony:Sip:RecordingsFolder（录音目录）不能为空。");
        if (sip.RingTimeoutSeconds is < 5 or > 180)
            errors.Add("Telephony:Sip:RingTimeoutSeconds（振铃超时）应在 5–180 秒之间。");
        if (sip.EndOfSpeechMilliseconds is < 300 or > 3000)
            errors.Add("Telephony:Sip:EndOfSpeechMilliseconds（说完话后的静音判定）应在 300–3000 毫秒之间，常用 500–800。");
        if (sip.BargeInMilliseconds is < 0 or > 5000)
            errors.Add("Telephony:Sip:BargeInMilliseconds（患者说话多久打断提示音）应在 0–5000 毫秒之间，0 表示不打断，常用 500。");
        if (sip.DtmfDigitGapMilliseconds is < 0 or > 10000)
            errors.Add("Telephony:Sip:DtmfDigitGapMilliseconds（多位按键之间的等待）应在 0–10000 毫秒之间，0 表示按一个键即作答。");
        if (sip.MaxUtteranceSeconds is < 3 or > 120)
            errors.Add("Telephony:Sip:MaxUtteranceSeconds 应在 3–120 秒之间。");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

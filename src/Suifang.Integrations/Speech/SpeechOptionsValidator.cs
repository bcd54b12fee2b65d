using Microsoft.Extensions.Options;

namespace Suifang.Integrations.Speech;

/// Checks the speech settings at start and says in Chinese what to fix.
internal sealed class SpeechOptionsValidator : IValidateOptions<SpeechOptions>
{
    public ValidateOptionsResult Validate(string? name, SpeechOptions o)
    {
        var errors = new List<string>();
        var usesIflytek = o.Tts.Provider == TtsProvider.Iflytek || o.Asr.Provider == AsrProvider.Iflytek;
        var usesOpenAi = o.Tts.Provider == TtsProvider.OpenAi || o.Asr.Provider == AsrProvider.OpenAi;
        if (o.Tts.Provider == TtsProvider.Espeak)
        {
            if (o.Espeak.Rate is < 80 or > 450 || o.Espeak.SlowRate is < 80 or > 450)
                errors.Add("Speech:Espeak:Rate 和 SlowRate（每分钟字数）应在 80–450 之间，常用 150 和 115。");
            if (string.IsNullOrWhiteSpace(o.Espeak.Voice))
                errors.Add("Speech:Espeak:Voice 不能为空，普通话请用 cmn-latn-pinyin。");
        }
        if (o.Cache.MemoryEntries is < 0 or > 100_000)
            errors.Add("Speech:Cache:MemoryEntries 应在 0–100000 之间。");
        if (usesIflytek)
        {
            foreach (var (key, value) in new[] { ("AppId", o.Iflytek.AppId), ("ApiKey", o.Iflytek.ApiKey), ("ApiSecret", o.Iflytek.ApiSecret) })
                if (string.IsNullOrWhiteSpace(value))
                    errors.Add($"已选择讯飞语音，但没有配置 Speech:Iflytek:{key}；请在讯飞开放平台控制台的应用页面复制。");
            foreach (var (key, value) in new[] { ("TtsUrl", o.Iflytek.TtsUrl), ("IatUrl", o.Iflytek.IatUrl) })
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss"))
                    errors.Add($"Speech:Iflytek:{key}“{value}”不是有效的 ws(s) 地址。");
            if (o.Iflytek.Speed is < 0 or > 100 || o.Iflytek.SlowSpeed is < 0 or > 100)
                errors.Add("Speech:Iflytek:Speed 和 SlowSpeed 应在 0–100 之间（50 为正常语速）。");
            if (o.Iflytek.TimeoutSeconds is < 1 or > 120)
                errors.Add("Speech:Iflytek:TimeoutSeconds 应在 1–120 秒之间。");
        }
        if (usesOpenAi)
        {
            if (!Uri.TryCreate(o.OpenAi.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add($"已选择 OpenAI 兼容语音服务，但 Speech:OpenAi:BaseUrl“{o.OpenAi.BaseUrl}”不是有效的 http(s) 地址，例如 http://speech.hospital.local:8000/v1。");
            if (o.OpenAi.Speed is < 0.25 or > 4 || o.OpenAi.SlowSpeed is < 0.25 or > 4)
                errors.Add("Speech:OpenAi:Speed 和 SlowSpeed 应在 0.25–4 之间（1 为正常语速）。");
            if (o.OpenAi.TimeoutSeconds is < 1 or > 300)
                errors.Add("Speech:OpenAi:TimeoutSeconds 应在 1–300 秒之间。");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

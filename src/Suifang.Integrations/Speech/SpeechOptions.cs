namespace Suifang.Integrations.Speech;

internal enum TtsProvider
{
    Espeak,
    Iflytek,
    OpenAi,
}

internal enum AsrProvider
{
    None,
    Iflytek,
    OpenAi,
}

/// Speech providers (configuration section "Speech"); validated at start by SpeechOptionsValidator.
internal sealed class SpeechOptions
{
    public const string Section = "Speech";

    public TtsChoice Tts { get; set; } = new();
    public AsrChoice Asr { get; set; } = new();
    public EspeakOptions Espeak { get; set; } = new();
    public PromptCacheOptions Cache { get; set; } = new();
    public IflytekOptions Iflytek { get; set; } = new();
    public OpenAiSpeechOptions OpenAi { get; set; } = new();
}

internal sealed class TtsChoice
{
    public TtsProvider Provider { get; set; } = TtsProvider.Espeak;
}

internal sealed class AsrChoice
{
    public AsrProvider Provider { get; set; } = AsrProvider.None;
}

internal sealed class EspeakOptions
{
    /// cmn-latn-pinyin reads Chinese characters as Mandarin; cmn and zh read many as English letters.
    public string Voice { get; set; } = "cmn-latn-pinyin";
    /// Words per minute; espeak's own default is 175, a little fast for older patients on the phone.
    public int Rate { get; set; } = 150;
    public int SlowRate { get; set; } = 115;
    /// A voice variant (espeak-ng --voices=variant), e.g. "f2" for a female voice; empty for the voice's own.
    public string? Variant { get; set; }
    /// Pitch 0–99 (espeak's default is 50); empty for the voice's own.
    public int? Pitch { get; set; }
    public string Executable { get; set; } = "espeak-ng";
    public string Sox { get; set; } = "sox";
    public int TimeoutSeconds { get; set; } = 15;
}

internal sealed class PromptCacheOptions
{
    /// Folder of cached prompts; empty means "speech-cache" under Suifang:DataDirectory.
    public string? Folder { get; set; }
    public int MemoryEntries { get; set; } = 300;
}

internal sealed class IflytekOptions
{
    public string? AppId { get; set; }
    public string? ApiKey { get; set; }
    public string? ApiSecret { get; set; }
    public string TtsUrl { get; set; } = "wss://tts-api.xfyun.cn/v2/tts";
    public string IatUrl { get; set; } = "wss://iat-api.xfyun.cn/v2/iat";
    /// 发音人 (vcn), e.g. xiaoyan; others must be enabled in the iFlytek console.
    public string Voice { get; set; } = "xiaoyan";
    /// 语速 0–100, 50 is normal.
    public int Speed { get; set; } = 50;
    public int SlowSpeed { get; set; } = 35;
    public int TimeoutSeconds { get; set; } = 15;
    /// Pause between 40 ms audio frames sent to dictation; 0 sends a recording as fast as the line allows.
    public int FrameIntervalMilliseconds { get; set; }
    /// 动态修正 (dwa=wpgs); must be enabled in the iFlytek console.
    public bool DynamicCorrection { get; set; }
}

internal sealed class OpenAiSpeechOptions
{
    /// e.g. http://speech.hospital.local:8000/v1 — the server's OpenAI-compatible base address.
    public string? BaseUrl { get; set; }
    public string? ApiKey { get; set; }
    public string TtsModel { get; set; } = "tts-1";
    public string Voice { get; set; } = "alloy";
    public double Speed { get; set; } = 1.0;
    public double SlowSpeed { get; set; } = 0.8;
    public string AsrModel { get; set; } = "whisper-1";
    public int TimeoutSeconds { get; set; } = 20;
}

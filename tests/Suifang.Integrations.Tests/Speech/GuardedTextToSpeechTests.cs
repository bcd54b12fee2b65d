using Suifang.Agent.Speech;
using Suifang.Integrations.Speech;

namespace Suifang.Integrations.Tests.Speech;

/// Whatever reaches the TTS passes the speech guard first (9.3.1).
public sealed class GuardedTextToSpeechTests
{
    private readonly RecordingTts _inner = new();
    private readonly ListLogger<GuardedTextToSpeech> _log = new();
    private readonly SpeechGuard _guard = new();

    private GuardedTextToSpeech Tts => new(_inner, _guard, _log);

    [Fact]
    public async Task A_cure_promise_never_reaches_the_speaker_the_fallback_does_and_it_is_logged()
    {
        await Tts.SynthesizeAsync("按时吃药，保证治愈。", false, CancellationToken.None);

        Assert.Equal(_guard.Rules.Fallback, Assert.Single(_inner.Spoken));
        Assert.Contains(_log.Messages, m => m.Contains("保证治愈") && m.Contains("兜底话术"));
    }

    [Fact]
    public async Task A_phone_number_is_spoken_masked()
    {
        await Tts.SynthesizeAsync("您登记的电话是13812345678，对吗？", true, CancellationToken.None);

        Assert.Equal("您登记的电话是（号码已隐去），对吗？", Assert.Single(_inner.Spoken));
        Assert.Empty(_log.Messages);
    }

    [Fact]
    public async Task Plain_prompts_and_reviewed_dosing_pass_unchanged()
    {
        await Tts.SynthesizeAsync("阿司匹林每天吃一片，饭后服用。", false, CancellationToken.None);

        Assert.Equal("阿司匹林每天吃一片，饭后服用。", Assert.Single(_inner.Spoken));
    }

    private sealed class RecordingTts : ITextToSpeech
    {
        public List<string> Spoken { get; } = [];
        public string Name => "recording";

        public Task<SpeechAudio> SynthesizeAsync(string text, bool slow, CancellationToken ct)
        {
            Spoken.Add(text);
            return Task.FromResult(TelephoneWav.FromPcm(new byte[160]));
        }
    }
}

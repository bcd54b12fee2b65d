using Microsoft.Extensions.Logging;
using Suifang.Agent.Speech;

namespace Suifang.Integrations.Speech;

/// The last line of defence (9.3.1): whatever reaches the TTS passes the SpeechGuard — cure promises and disrespectful
/// words are replaced by the fallback, personal numbers are masked. The dialogue checks generated text itself with
/// its origin (SpokenTextOrigin.Generated) before this, so diagnoses and dosing are stopped there.
internal sealed class GuardedTextToSpeech(ITextToSpeech inner, SpeechGuard guard, ILogger<GuardedTextToSpeech> log) : ITextToSpeech
{
    public string Name => inner.Name;

    public Task<SpeechAudio> SynthesizeAsync(string text, bool slow, CancellationToken ct)
    {
        var checkedText = guard.Check(text, SpokenTextOrigin.Script);
        if (checkedText.Blocked)
            log.LogWarning("这句话没有读给患者，改读兜底话术：{Text}；原因：{Reasons}", text,
                string.Join(" ", checkedText.Findings.Where(f => f.Blocking).Select(f => f.Reason)));
        return inner.SynthesizeAsync(checkedText.Text, slow, ct);
    }
}

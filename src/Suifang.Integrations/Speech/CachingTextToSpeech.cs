using Suifang.Agent.Speech;

namespace Suifang.Integrations.Speech;

/// Puts the prompt cache in front of any provider; <paramref name="voice"/> names everything that changes the sound.
internal sealed class CachingTextToSpeech(ITextToSpeech inner, string voice, PromptCache cache) : ITextToSpeech
{
    public string Name => inner.Name;

    public ITextToSpeech Inner => inner;

    public Task<SpeechAudio> SynthesizeAsync(string text, bool slow, CancellationToken ct) =>
        cache.GetOrAddAsync(PromptCache.KeyOf(voice, slow, text.Trim()), () => inner.SynthesizeAsync(text.Trim(), slow, CancellationToken.None), ct);

    public bool IsCached(string text, bool slow) => cache.Contains(PromptCache.KeyOf(voice, slow, text.Trim()));
}

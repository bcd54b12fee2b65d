using Suifang.Agent.Speech;
using Suifang.Integrations.Speech;

namespace Suifang.Integrations.Tests.Speech;

/// The same prompt is synthesised once: memory LRU in front of a folder keyed by text, voice and speed.
public sealed class PromptCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("suifang-prompts-").FullName;
    private readonly CountingTts _inner = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CachingTextToSpeech Cached(int memoryEntries = 10, string voice = "test/voice") =>
        new(_inner, voice, new PromptCache(_folder, memoryEntries));

    [Fact]
    public async Task The_same_prompt_is_synthesised_once_and_kept_as_a_wav_file()
    {
        var tts = Cached();

        var first = await tts.SynthesizeAsync("请问您还发烧吗？", false, CancellationToken.None);
        var second = await tts.SynthesizeAsync(" 请问您还发烧吗？ ", false, CancellationToken.None);

        Assert.Equal(1, _inner.Calls);
        Assert.Equal(first.Wav, second.Wav);
        var file = Assert.Single(Directory.GetFiles(_folder, "*.wav", SearchOption.AllDirectories));
        Assert.Equal(PromptCache.KeyOf("test/voice", false, "请问您还发烧吗？") + ".wav", Path.GetFileName(file));
    }

    [Fact]
    public async Task Slow_repeats_and_other_voices_are_cached_separately()
    {
        await Cached().SynthesizeAsync("您好", false, CancellationToken.None);
        await Cached().SynthesizeAsync("您好", true, CancellationToken.None);
        await Cached(voice: "other/voice").SynthesizeAsync("您好", false, CancellationToken.None);

        Assert.Equal(3, _inner.Calls);
    }

    [Fact]
    public async Task A_restarted_host_reads_the_prompt_from_the_folder_without_synthesising()
    {
        await Cached().SynthesizeAsync("您好", false, CancellationToken.None);

        var restarted = Cached();
        Assert.True(restarted.IsCached("您好", false));
        var audio = await restarted.SynthesizeAsync("您好", false, CancellationToken.None);

        Assert.Equal(1, _inner.Calls);
        Assert.Equal(8000, audio.SampleRate);
    }

    [Fact]
    public async Task Calls_asking_for_the_same_new_prompt_at_once_share_one_synthesis()
    {
        _inner.Delay = TimeSpan.FromMilliseconds(200);
        var tts = Cached();

        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => tts.SynthesizeAsync("您好", false, CancellationToken.None)));

        Assert.Equal(1, _inner.Calls);
        Assert.All(all, a => Assert.Equal(all[0].Wav, a.Wav));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_synthesis_others_wait_for()
    {
        _inner.Delay = TimeSpan.FromMilliseconds(300);
        var tts = Cached();
        using var hungUp = new CancellationTokenSource();

        var leaving = tts.SynthesizeAsync("您好", false, hungUp.Token);
        var staying = tts.SynthesizeAsync("您好", false, CancellationToken.None);
        await hungUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.Equal(8000, (await staying).SampleRate);
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task The_least_recently_used_prompt_leaves_memory_first()
    {
        var tts = Cached(memoryEntries: 2);
        await tts.SynthesizeAsync("一", false, CancellationToken.None);
        await tts.SynthesizeAsync("二", false, CancellationToken.None);
        await tts.SynthesizeAsync("一", false, CancellationToken.None);
        await tts.SynthesizeAsync("三", false, CancellationToken.None);
        Directory.Delete(_folder, recursive: true);
        Directory.CreateDirectory(_folder);

        await tts.SynthesizeAsync("一", false, CancellationToken.None);
        await tts.SynthesizeAsync("三", false, CancellationToken.None);
        Assert.Equal(3, _inner.Calls);
        await tts.SynthesizeAsync("二", false, CancellationToken.None);
        Assert.Equal(4, _inner.Calls);
    }

    [Fact]
    public async Task A_failed_synthesis_is_not_cached()
    {
        _inner.FailNext = true;
        var tts = Cached();

        await Assert.ThrowsAsync<SpeechProviderException>(() => tts.SynthesizeAsync("您好", false, CancellationToken.None));
        await tts.SynthesizeAsync("您好", false, CancellationToken.None);

        Assert.Equal(2, _inner.Calls);
    }

    private sealed class CountingTts : ITextToSpeech
    {
        private int _calls;

        public int Calls => _calls;
        public TimeSpan Delay { get; set; }
        public bool FailNext { get; set; }
        public string Name => "counting";

        public async Task<SpeechAudio> SynthesizeAsync(string text, bool slow, CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Delay, ct);
            if (FailNext)
            {
                FailNext = false;
                throw new SpeechProviderException("合成失败");
            }
            return TelephoneWav.FromPcm(Tones.Pcm(0.1 * text.Length, 8000, slow ? 300 : 400));
        }
    }
}

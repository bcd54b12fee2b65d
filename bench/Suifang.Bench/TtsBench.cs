using System.Diagnostics;
using Suifang.Integrations.Speech;
using Suifang.Integrations.Speech.Espeak;

namespace Suifang.Bench;

/// Prompt latency of the offline TTS (espeak-ng + sox to 8 kHz WAV): cold synthesis, then the same prompts from the
/// disk cache (a restarted host) and from the memory cache.
internal static class TtsBench
{
    private static readonly string[] Prompts =
    [
        "您好，我是市人民医院的智能随访助手，想了解一下您出院后的恢复情况。",
        "请问您是张建国本人吗？",
        "请问您这两天还发烧吗？",
        "您现在体温多少度？",
        "伤口有没有红肿、渗液？",
        "您最近血压量了吗？大概多少？",
        "按时吃药了吗？",
        "您是说体温三十八度五，对吗？",
        "好的，我记下了。",
        "这个问题我先记下来，稍后请护士给您回电话，好吗？",
        "请问您现在方便接听电话吗？",
        "如果觉得胸口疼、喘不上气，请马上到医院就诊，或者拨打120。",
        "有请按1，没有请按2。",
        "您对住院期间护士的服务满意吗？",
        "感谢您的配合，祝您早日康复，再见。",
        "不好意思，我没有听清楚，您能再说一遍吗？",
        "下次复查的时间是下周三上午，请记得带上出院小结。",
        "疼痛的程度，从0到10分，您打几分？",
        "请问您是他的家属吗？",
        "好的，那我们晚点再给您打电话。",
    ];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rounds = args.GetInt("memory-rounds", 1000);
        var folder = Directory.CreateTempSubdirectory("suifang-tts-bench-").FullName;
        try
        {
            var espeak = new EspeakTextToSpeech(new EspeakOptions());
            await espeak.SynthesizeAsync("预热", false, CancellationToken.None);
            var tts = new CachingTextToSpeech(espeak, espeak.Voice, new PromptCache(folder, 300));

            var cold = new List<double>();
            var coldSlow = new List<double>();
            long bytes = 0;
            double audioSeconds = 0;
            foreach (var prompt in Prompts)
            {
                cold.Add(await TimeAsync(() => tts.SynthesizeAsync(prompt, false, CancellationToken.None), a => { bytes += a.Wav.Length; audioSeconds += a.Duration.TotalSeconds; }));
                coldSlow.Add(await TimeAsync(() => tts.SynthesizeAsync(prompt, true, CancellationToken.None), _ => { }));
            }

            var restarted = new CachingTextToSpeech(espeak, espeak.Voice, new PromptCache(folder, 300));
            var disk = new List<double>();
            foreach (var prompt in Prompts)
                disk.Add(await TimeAsync(() => restarted.SynthesizeAsync(prompt, false, CancellationToken.None), _ => { }));

            var memory = new List<double>();
            for (var i = 0; i < rounds; i++)
                memory.Add(await TimeAsync(() => restarted.SynthesizeAsync(Prompts[i % Prompts.Length], false, CancellationToken.None), _ => { }));

            Console.WriteLine($"tts: {espeak.Voice}, {Prompts.Length} prompts of {Prompts.Min(p => p.Length)}–{Prompts.Max(p => p.Length)} characters");
            Console.WriteLine($"audio: {audioSeconds / Prompts.Length:0.00} s and {bytes / Prompts.Length / 1024.0:0.0} KB per prompt on average (8 kHz mono 16-bit WAV), {bytes / audioSeconds / 1024:0.0} KB per second of speech");
            Print("cold (espeak-ng + sox, written to disk)", cold);
            Print("cold, slow repeat", coldSlow);
            Print("cached on disk (restarted host)", disk);
            Print($"cached in memory ({rounds} requests)", memory);
            Console.WriteLine($"real-time factor cold: {cold.Sum() / 1000 / audioSeconds:0.000} (synthesis time / audio length)");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> action, Action<T> seen)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await action();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        seen(result);
        return ms;
    }

    private static void Print(string what, List<double> ms)
    {
        var sorted = ms.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"{what,-42} p50 {P(0.5),8:0.000} ms   p95 {P(0.95),8:0.000} ms   max {sorted[^1],8:0.000} ms");
    }
}

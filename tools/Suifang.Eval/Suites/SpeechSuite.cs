using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Suifang.Agent.Speech;
using Suifang.Eval.Data;
using Suifang.Eval.Metrics;
using Suifang.Eval.Reporting;
using Suifang.Integrations.Speech;

namespace Suifang.Eval.Suites;

/// Speech round trip: each sentence is spoken by the configured TTS and recognised by the configured ASR (the
/// Integrations "Speech" settings, as the product uses them). CER (7.1.3) over characters, WER (6.4 a) over jieba
/// words, PER (6.4 b) over espeak-ng phonemes of the reference and of the recognised text. Without an ASR the suite
/// is skipped and says so — nothing is simulated.
internal sealed class SpeechSuite : ISuite
{
    public string Key => "speech";
    public const string NoAsr = "未配置语音识别，未测";

    public async Task<SuiteOutput> RunAsync(EvalContext context, CancellationToken ct)
    {
        const string name = "语音往返（合成→识别）", clause = "7.1.3 / 6.4";
        var path = context.DataPath("eval", "speech.jsonl");
        if (!File.Exists(path)) return SuiteOutput.Skipped(Key, name, clause, $"缺少数据 {path}");
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(context.Configuration);
        services.AddSpeech(context.Configuration);
        await using var provider = services.BuildServiceProvider();
        var asr = provider.GetService<ISpeechToText>();
        if (asr is null) return SuiteOutput.Skipped(Key, name, clause, NoAsr + "（请在设置的 Speech:Asr:Provider 中选择 Iflytek 或 OpenAi，或用环境变量 Speech__Asr__Provider）。");
        var tts = provider.GetRequiredService<ITextToSpeech>();
        var phonemes = new Phonemes();
        var hasEspeak = phonemes.Available();
        var lines = Jsonl.Read<SpeechLine>(path).Where(context.Included).ToList();
        var clock = Stopwatch.StartNew();
        var rows = new List<(SpeechLine Line, string Heard, EditCounts Cer, EditCounts Wer, EditCounts? Per)>();
        foreach (var line in lines)
        {
            ct.ThrowIfCancellationRequested();
            var audio = await tts.SynthesizeAsync(line.Text, slow: false, ct);
            var started = Stopwatch.GetTimestamp();
            var heard = (await asr.TranscribeAsync(audio, ct)).Text;
            context.Time("语音识别（每句）", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            rows.Add((line, heard,
                EditCounts.Align(TextMetrics.Characters(line.Text), TextMetrics.Characters(heard)),
                EditCounts.Align(Words.Of(line.Text), Words.Of(heard)),
                hasEspeak ? EditCounts.Align(phonemes.Of(line.Text), phonemes.Of(heard)) : null));
        }
        static double Pooled(IEnumerable<EditCounts> xs) => xs.Aggregate(EditCounts.Zero, (a, b) => a + b).Rate ?? 0;
        var metrics = new List<MetricResult>
        {
            Figures.Bootstrapped("speech.cer", Key, "7.1.3", "字错误率 CER", rows, s => Pooled(s.Select(r => r.Cer)), higherIsBetter: false),
            Figures.Bootstrapped("speech.wer", Key, "6.4 a", "词错误率 WER", rows, s => Pooled(s.Select(r => r.Wer)), higherIsBetter: false),
            hasEspeak
                ? Figures.Bootstrapped("speech.per", Key, "6.4 b", "音素错误率 PER", rows, s => Pooled(s.Select(r => r.Per!)), higherIsBetter: false)
                : new MetricResult { Key = "speech.per", Suite = Key, Clause = "6.4 b", Name = "音素错误率 PER", HigherIsBetter = false, Note = "未安装 espeak-ng，音素错误率未测" },
        };
        return new SuiteOutput([new SuiteResult
        {
            Key = Key, Name = name, Clause = clause, Seconds = clock.Elapsed.TotalSeconds,
            Notes = [$"{rows.Count} 句；合成：{tts.Name}，识别：{asr.Name}。",
                     "CER 按汉字、WER 按 jieba 分词、PER 按 espeak-ng（cmn-latn-pinyin）音素计，均为 Σ(S+D+I)/ΣN；PER 比较的是参考文本与识别文本各自转换的音素序列。",
                     hasEspeak ? "音素来自 espeak-ng。" : "未安装 espeak-ng，音素错误率未测。"],
            Worst = rows.OrderByDescending(r => r.Cer.Rate ?? 0).Take(context.Options.Worst)
                .Select(r => new Example(r.Line.Id, r.Line.Text, r.Line.Text, r.Heard, r.Cer.Rate)).ToList(),
        }], metrics);
    }
}

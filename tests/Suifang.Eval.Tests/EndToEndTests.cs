using System.Text.Json;

namespace Suifang.Eval.Tests;

/// One small `run` over TinyData (a few lines of every set) with the real agent, then `compare` of the run with itself.
public sealed class EndToEndTests
{
    [Fact]
    public async Task A_run_over_a_tiny_data_folder_writes_both_reports_with_the_figures_of_every_set()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "TinyData");
        var output = Path.Combine(Path.GetTempPath(), "suifang-eval-" + Guid.NewGuid().ToString("N"));
        var log = new StringWriter();
        Environment.SetEnvironmentVariable("Speech__Asr__Provider", null);

        var code = await Cli.RunAsync(["run", "--data", data, "--out", output], log, CancellationToken.None);

        Assert.True(code == 0, log.ToString());
        var json = Directory.GetFiles(output, "eval-*.json").Single();
        var md = File.ReadAllText(Directory.GetFiles(output, "eval-*.md").Single());
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var metrics = report.RootElement.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("key").GetString()!, m => m);
        double Value(string key) => metrics[key].GetProperty("value").GetDouble();

        // plans: only the test plan counts (the train one is left out): E_p = 2/3 needed, P_p = 2/3 correct.
        Assert.Equal(2.0 / 3, Value("planning.ep"), 10);
        Assert.Equal(2.0 / 3, Value("planning.pp"), 10);
        // MOS (4 + 5) / 2.
        Assert.Equal(4.5, Value("mos.mean"), 10);
        Assert.Equal(2, metrics["retrieval.recall@1"].GetProperty("n").GetInt32() + metrics["retrieval.uncovered-answered"].GetProperty("n").GetInt32());
        Assert.Equal(2, metrics["summaries.rouge-2"].GetProperty("n").GetInt32());
        Assert.InRange(Value("summaries.rouge-2"), 0, 1);
        Assert.InRange(Value("summaries.bertscore-f1"), 0, 1);
        Assert.Equal(4, metrics["intents.macro-f1"].GetProperty("n").GetInt32());
        Assert.True(metrics.ContainsKey("latency.dialogue.p95"));
        Assert.True(metrics.ContainsKey("reasoning.f1"));
        Assert.Contains("本地字向量", report.RootElement.GetProperty("embeddings").GetString());

        Assert.Contains("# 随访智能体评测报告", md);
        Assert.Contains("未配置语音识别，未测", md);
        Assert.Contains("规划策略有效率 E_p", md);

        Assert.Equal(0, await Cli.RunAsync(["compare", json, json], new StringWriter(), CancellationToken.None));
    }

    [Fact]
    public async Task A_wrong_argument_is_answered_in_chinese_with_exit_code_2()
    {
        var log = new StringWriter();
        Assert.Equal(2, await Cli.RunAsync(["run", "--split", "dev"], log, CancellationToken.None));
        Assert.Contains("--split 只能是 test 或 all", log.ToString());
    }
}

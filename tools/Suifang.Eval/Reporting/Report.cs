using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suifang.Eval.Reporting;

/// One figure of a run. Ratios are stored as fractions (0–1) and shown as per cent when <see cref="Unit"/> is "%".
internal sealed record MetricResult
{
    public required string Key { get; init; }
    public required string Suite { get; init; }
    /// The clause of the standard that defines it, e.g. "7.1.2.2".
    public required string Clause { get; init; }
    /// Chinese name shown in the report.
    public required string Name { get; init; }
    public double? Value { get; init; }
    public double? Low { get; init; }
    public double? High { get; init; }
    /// "wilson", "bootstrap" or null.
    public string? Interval { get; init; }
    public int N { get; init; }
    /// "%", "ms", "分" or "" (a plain number).
    public string Unit { get; init; } = "%";
    public bool HigherIsBetter { get; init; } = true;
    public string? Note { get; init; }
    public double? Threshold { get; init; }
    public bool? Pass { get; init; }
    public bool Gated { get; init; }
    public string? ThresholdSource { get; init; }
}

/// A labelled case shown among the worst examples of a suite.
internal sealed record Example(string Id, string Text, string Expected, string Got, double? Score = null);

/// What a suite did: ran (with notes and worst examples) or was skipped, and why.
internal sealed record SuiteResult
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required string Clause { get; init; }
    public bool Ran { get; init; } = true;
    /// Why the suite did not run (Chinese), e.g. "未配置语音识别，未测".
    public string? Skipped { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<Example> Worst { get; init; } = [];
    public double Seconds { get; init; }

    public static SuiteResult Skip(string key, string name, string clause, string reason) =>
        new() { Key = key, Name = name, Clause = clause, Ran = false, Skipped = reason };
}

/// One run of the evaluation: where the data came from, what the agent was, every figure.
internal sealed record RunReport
{
    public int Version { get; init; } = 1;
    public DateTime StartedAtUtc { get; init; }
    public double Seconds { get; init; }
    /// CPU time of the evaluation process (all threads): with the load, tells how much of the wall time was waiting.
    public double? CpuSeconds { get; init; }
    public required string Data { get; init; }
    public required string Split { get; init; }
    public string? Commit { get; init; }
    /// uptime's load average at the start and the end: latency figures depend on it (the machine is shared).
    public string? Load { get; init; }
    public string? Embeddings { get; init; }
    public string? Understander { get; init; }
    public List<MetricResult> Metrics { get; init; } = [];
    public List<SuiteResult> Suites { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunReport Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunReport>(File.ReadAllText(path), Json)
                   ?? throw new InvalidDataException($"{path} 是空文件。");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} 不是评测的 JSON 报告：{e.Message}", e);
        }
    }
}

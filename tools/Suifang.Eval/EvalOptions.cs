namespace Suifang.Eval;

/// Options of `run` (docs/drafts/eval.md lists them).
internal sealed record EvalOptions
{
    /// Folder with the labelled sets in the repository's layout: nlu/utterances/*.jsonl, kb/queries.jsonl, eval/*.
    public required string Data { get; init; }
    /// Folder of the script templates the summary and conformance sets name.
    public required string Scripts { get; init; }
    public string Out { get; init; } = "reports";
    /// "test" (default) or "all".
    public string Split { get; init; } = "test";
    public string? Thresholds { get; init; }
    /// "local" (character vectors from the repository's own text) or "openai" (an OpenAI-compatible /v1/embeddings).
    public string Embeddings { get; init; } = "local";
    public string? EmbeddingsUrl { get; init; }
    public string? EmbeddingsModel { get; init; }
    public string? EmbeddingsKey { get; init; }
    /// "trained" (intent classifier trained now on the data's train split) or "shipped" (data/nlu/intent-model.zip).
    public string? Understander { get; init; }
    /// A settings file (appsettings.json style) with the "Speech" section; environment variables (Speech__Asr__Provider…) also count.
    public string? Config { get; init; }
    /// Executed plans: "sqlite:Data Source=…" or "postgres:Host=…".
    public string? Db { get; init; }
    /// Only these suites (comma separated keys); null = all.
    public IReadOnlySet<string>? Suites { get; init; }
    public int Worst { get; init; } = 10;
    /// The repository root (for the local embeddings' corpus); null when not found.
    public string? Repository { get; init; }

    public const string Usage = """
        用法:
          dotnet run --project tools/Suifang.Eval -- run [--out reports/] [--data data/] [--split test|all]
              [--suites understanding,retrieval,reasoning,summaries,triage,conformance,speech,mos,planning] [--thresholds 文件] [--understander trained|shipped]
              [--embeddings local|openai --embeddings-url http://…/v1 --embeddings-model 模型 --embeddings-key 密钥]
              [--config appsettings.json] [--db sqlite:Data Source=suifang.db | postgres:Host=…] [--scripts 话术模板目录] [--worst 10]
          dotnet run --project tools/Suifang.Eval -- compare A.json B.json [--out 对比.md]
        """;

    /// Parses `run` arguments; throws ArgumentException with a Chinese message on a wrong argument.
    public static EvalOptions Parse(IReadOnlyList<string> args, string? repository)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"无法理解参数 {args[i]}：参数应成对出现，如 --out reports/。");
            values[args[i][2..]] = args[++i];
        }
        string? Get(string key) => values.Remove(key, out var v) ? v : null;
        var data = Get("data") ?? (repository is null ? null : Path.Combine(repository, "data"))
                   ?? throw new ArgumentException("找不到数据目录：请在仓库内运行，或用 --data 指定。");
        var options = new EvalOptions
        {
            Data = Path.GetFullPath(data),
            Scripts = Path.GetFullPath(Get("scripts") ?? Path.Combine(repository ?? ".", "src", "Suifang.Core", "Scripts", "Templates")),
            Out = Get("out") ?? "reports",
            Split = Get("split") ?? "test",
            Thresholds = Get("thresholds"),
            Embeddings = Get("embeddings") ?? "local",
            EmbeddingsUrl = Get("embeddings-url") ?? Environment.GetEnvironmentVariable("SUIFANG_EVAL_EMBEDDINGS_URL"),
            EmbeddingsModel = Get("embeddings-model") ?? Environment.GetEnvironmentVariable("SUIFANG_EVAL_EMBEDDINGS_MODEL"),
            EmbeddingsKey = Get("embeddings-key") ?? Environment.GetEnvironmentVariable("SUIFANG_EVAL_EMBEDDINGS_KEY"),
            Understander = Get("understander"),
            Config = Get("config"),
            Db = Get("db"),
            Suites = Get("suites")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(),
            Worst = int.TryParse(Get("worst"), out var worst) ? worst : 10,
            Repository = repository,
        };
        if (values.Count > 0) throw new ArgumentException($"未知参数 --{values.Keys.First()}。\n{Usage}");
        if (options.Split is not ("test" or "all")) throw new ArgumentException("--split 只能是 test 或 all。");
        if (options.Embeddings is not ("local" or "openai")) throw new ArgumentException("--embeddings 只能是 local 或 openai。");
        if (options.Embeddings == "openai" && string.IsNullOrWhiteSpace(options.EmbeddingsUrl))
            throw new ArgumentException("--embeddings openai 需要 --embeddings-url（如 http://127.0.0.1:8000/v1）。");
        if (options.Understander is not (null or "trained" or "shipped")) throw new ArgumentException("--understander 只能是 trained 或 shipped。");
        if (!Directory.Exists(options.Data)) throw new ArgumentException($"数据目录 {options.Data} 不存在。");
        return options;
    }

    /// The folder holding Suifang.slnx, from the working directory or the tool's own folder upwards.
    public static string? FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Suifang.slnx"))) return dir.FullName;
        return null;
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Knowledge;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Bench;

/// The dialogue engine alone (issue #4: understanding + dialogue step ≤ 30 ms p95; ≤ 2 MB per active call): replays the
/// test stories of tests/Suifang.Agent.Tests/Dialogue with their understanding table (a lookup, so the figure is the
/// engine's own), timing every Reply() and counting the bytes one whole conversation allocates.
///   dotnet run -c Release --project bench/Suifang.Bench -- dialogue --rounds 2000
//   dotnet run -c Release --project bench/Suifang.Bench -- dialogue --print      (the stories as transcripts)
internal static class DialogueBench
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, Converters = { new JsonStringEnumConverter() } };

    public static Task<int> RunAsync(BenchArgs args)
    {
        var rounds = args.GetInt("rounds", 2000);
        var root = args["stories"] ?? Path.Combine(RepoRoot(), "tests", "Suifang.Agent.Tests", "Dialogue");
        var table = JsonSerializer.Deserialize<List<UtteranceUnderstanding>>(File.ReadAllText(Path.Combine(root, "Stories", "understanding.json")), Json)!;
        var stories = Directory.GetFiles(Path.Combine(root, "Stories"), "*.story.json").Order(StringComparer.Ordinal).Select(f => Load(f, root)).ToList();
        var understander = new LookupUnderstander(table.Concat(stories.SelectMany(s => s.Extra)));
        var engine = new DialogueEngine(understander, new LookupKnowledge(stories.SelectMany(s => s.Knowledge)));
        if (args.Has("print"))
        {
            foreach (var s in stories) Print(engine, s);
            return Task.FromResult(0);
        }
        Console.WriteLine($"dialogue: {stories.Count} stories, {stories.Sum(s => s.Inputs.Count)} patient turns per round, {rounds:N0} rounds");

        for (var i = 0; i < 200; i++) foreach (var s in stories) Play(engine, s, null);   // warm-up (JIT tiers)
        var times = new List<double>(rounds * stories.Sum(s => s.Inputs.Count));
        var bytes = new List<long>(rounds * stories.Count);
        var total = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
            foreach (var s in stories)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                Play(engine, s, times);
                bytes.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            }
        total.Stop();
        times.Sort();
        bytes.Sort();
        Console.WriteLine($"  Reply() µs: p50 {P(times, 0.50):F1}  p95 {P(times, 0.95):F1}  p99 {P(times, 0.99):F1}  max {times[^1]:F1}");
        Console.WriteLine($"  bytes allocated per conversation (start to outcome): p50 {P(bytes, 0.50) / 1024.0:F1} KB  max {bytes[^1] / 1024.0:F1} KB");
        Console.WriteLine($"  {rounds * stories.Count / total.Elapsed.TotalSeconds:N0} conversations/s on one thread");
        Active(engine, stories, args.GetInt("active", 500));
        return Task.FromResult(0);
    }

    private static void Play(DialogueEngine engine, BenchStory s, List<double>? times)
    {
        var call = engine.Start(s.Script, s.Setup);
        call.Open();
        foreach (var input in s.Inputs)
        {
            var t0 = Stopwatch.GetTimestamp();
            var turn = call.Reply(input);
            times?.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
            if (turn.EndsCall) break;
        }
        _ = call.Outcome;
    }

    /// Memory a call holds while it is in progress: N conversations opened and played to their middle, kept alive.
    private static void Active(DialogueEngine engine, List<BenchStory> stories, int count)
    {
        var calls = new List<IConversation>(count);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < count; i++)
        {
            var s = stories[i % stories.Count];
            var call = engine.Start(s.Script, s.Setup);
            call.Open();
            foreach (var input in s.Inputs.Take(Math.Max(1, s.Inputs.Count / 2)))
                if (call.Reply(input).EndsCall) break;
            calls.Add(call);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"  {count} calls in progress at once: {(after - before) / (double)count / 1024:F1} KB retained per call");
        GC.KeepAlive(calls);
    }

    /// --print: each story as a transcript, to read the agent's wording.
    private static void Print(DialogueEngine engine, BenchStory s)
    {
        Console.WriteLine($"== {s.Name}");
        var call = engine.Start(s.Script, s.Setup);
        Console.WriteLine($"  AI: {call.Open().Say}");
        foreach (var input in s.Inputs)
        {
            Console.WriteLine($"  患者: {input.Text ?? (input.Dtmf is { } d ? "[按键 " + d + "]" : "[沉默]")}");
            var turn = call.Reply(input);
            Console.WriteLine($"  AI{(turn.Slow ? "（慢）" : "")}: {turn.Say}");
            if (turn.EndsCall) break;
        }
        Console.WriteLine($"  => {call.Outcome.Ending}; {call.Outcome.Summary}");
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
    private static double P(List<long> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

    private sealed record BenchStory(string Name, Script Script, ConversationSetup Setup, List<PatientInput> Inputs,
        List<UtteranceUnderstanding> Extra, Dictionary<string, string> Knowledge);

    private static BenchStory Load(string file, string root)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var r = doc.RootElement;
        var script = ScriptJson.LoadFile(Path.Combine(root, "Scripts", (r.TryGetProperty("script", out var sc) ? sc.GetString() : "discharge") + ".json"));
        var now = new DateTime(2026, 12, 1, 10, 0, 0);
        var memory = new List<RememberedAnswer>();
        if (r.TryGetProperty("setup", out var setup) && setup.TryGetProperty("memory", out var m))
            foreach (var a in m.EnumerateArray())
                memory.Add(new RememberedAnswer(a.GetProperty("key").GetString()!, a.GetProperty("value").GetString()!,
                    a.GetProperty("said").GetString()!, a.GetProperty("at").GetDateTime(), a.GetProperty("period").GetString()));
        var inputs = new List<PatientInput>();
        foreach (var step in r.GetProperty("steps").EnumerateArray())
        {
            if (step.TryGetProperty("say", out var say)) inputs.Add(PatientInput.Said(say.GetString()!));
            else if (step.TryGetProperty("press", out var press)) inputs.Add(PatientInput.Pressed(press.GetString()!));
            else if (step.TryGetProperty("silence", out _)) inputs.Add(PatientInput.Silence);
        }
        var extra = r.TryGetProperty("understanding", out var u) ? u.Deserialize<List<UtteranceUnderstanding>>(Json)! : [];
        var knowledge = r.TryGetProperty("knowledge", out var k) ? k.Deserialize<Dictionary<string, string>>(Json)! : [];
        return new BenchStory(Path.GetFileName(file), script, new ConversationSetup("张伟", "第一人民医院", "普外科", now, now.AddDays(-7), "D+7",
            new CallMemory(memory), PatientIsMale: true), inputs, extra, knowledge);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Suifang.slnx"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the repository, or pass --stories DIR");
    }

    /// The stories' understanding table: a dictionary lookup, so the time measured is the dialogue engine's.
    private sealed class LookupUnderstander(IEnumerable<UtteranceUnderstanding> entries) : IUnderstander
    {
        private readonly Dictionary<string, UtteranceUnderstanding> table = entries.ToDictionary(e => e.Text,
            e => e.Confidence == 0 && e.Intent != Intent.Unknown ? e with { Confidence = 0.9 } : e);

        public UtteranceUnderstanding Understand(string text, UnderstandingContext context) => table[text];
    }

    private sealed class LookupKnowledge(IEnumerable<KeyValuePair<string, string>> answers) : IKnowledgeSearch
    {
        private readonly Dictionary<string, string> table = answers.ToDictionary();

        public KnowledgeHit? Find(string question, string? department) =>
            table.TryGetValue(question, out var a) ? new KnowledgeHit("kb", question, a, 0.9) : null;
    }
}

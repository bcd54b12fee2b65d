using Suifang.Eval;
using Suifang.Eval.Reporting;

return await Cli.RunAsync(args, Console.Out, CancellationToken.None);

namespace Suifang.Eval
{
    /// `run` and `compare` (docs/drafts/eval.md). Exit codes: 0 fine; 1 a gated metric got worse (compare) or a suite
    /// failed (run); 2 wrong arguments or unreadable files.
    internal static class Cli
    {
        public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
        {
            try
            {
                switch (args.FirstOrDefault())
                {
                    case "run":
                        var options = EvalOptions.Parse(args[1..], EvalOptions.FindRepository());
                        var (report, md, json, suiteFailed) = await Runner.RunAsync(options, output, ct);
                        foreach (var m in report.Metrics)
                            output.WriteLine($"{m.Clause,-10} {m.Key,-32} {Format.Value(m.Value, m.Unit),-12} {(m.Pass switch { true => "达标", false => "未达标", null => "" })}");
                        foreach (var s in report.Suites.Where(s => !s.Ran)) output.WriteLine($"未测 {s.Name}：{s.Skipped}");
                        output.WriteLine($"报告：{md}\n      {json}");
                        return suiteFailed ? 1 : 0;
                    case "compare" when args.Length is 3 or 5:
                        var a = RunReport.Read(args[1]);
                        var b = RunReport.Read(args[2]);
                        var changes = Comparison.Compare(a, b);
                        var text = Comparison.Markdown(args[1], args[2], changes);
                        output.WriteLine(text);
                        if (args.Length == 5 && args[3] == "--out") await File.WriteAllTextAsync(args[4], text, ct);
                        return Comparison.Fails(changes) ? 1 : 0;
                    default:
                        output.WriteLine(EvalOptions.Usage);
                        return 2;
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
            {
                output.WriteLine(e.Message);
                return 2;
            }
        }
    }
}

using System.Text.Json;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding.Triage;

namespace Suifang.Agent.Tests.EvalData;

/// The labelled sets of data/eval/ (issue #7, formats in data/eval/README.md): every line parses, ids are unique and carry
/// their set's prefix, and what a line names exists — triage departments in the catalogue, scripts in the templates,
/// question keys in their script, knowledge document ids in the shipped knowledge base — and each set has its minimum size.
public sealed class EvalDataCheckTests
{
    private static readonly string Templates = Path.Combine("src", "Suifang.Core", "Scripts", "Templates");

    private static Script ScriptOf(string file)
    {
        var path = EvalFiles.PathOf(Path.Combine(Templates, file));
        Assert.True(File.Exists(path), $"script {file} is not a template in {Templates}");
        return ScriptJson.LoadFile(path);
    }

    private static List<JsonElement> Set(string file, string prefix, int minimum)
    {
        var rows = EvalFiles.Lines($"data/eval/{file}");
        var ids = rows.Select(r => r.Row.Str("id")).ToList();
        Assert.All(rows, r => Assert.True(r.Row.Str("id").StartsWith(prefix + "-", StringComparison.Ordinal), $"{file}:{r.Line} id must start with {prefix}-"));
        Assert.Empty(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(rows, r => Assert.Contains(r.Row.Split(), new[] { "train", "test" }));
        Assert.True(rows.Count >= minimum, $"{file} has {rows.Count} lines, fewer than {minimum}");
        return rows.Select(r => r.Row).ToList();
    }

    [Fact]
    public void Triage_lines_name_catalogue_departments_and_cover_twelve_of_them()
    {
        var rows = Set("triage.jsonl", "tri", 150);
        var departments = DepartmentTriage.Shared.Departments;
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Str("complaint"))));
        Assert.All(rows, r => Assert.Contains(r.Str("expected"), departments));
        Assert.All(rows.SelectMany(r => r.Strs("alternatives")), d => Assert.Contains(d, departments));
        Assert.True(rows.Select(r => r.Str("expected")).Distinct().Count() >= 12);
    }

    [Fact]
    public void Summary_lines_name_templates_with_turns_a_reference_and_keywords_over_six_scripts()
    {
        var rows = Set("summaries.jsonl", "sum", 40);
        foreach (var r in rows)
        {
            ScriptOf(r.Str("script"));
            Assert.True(DateTime.TryParse(r.Str("now"), System.Globalization.CultureInfo.InvariantCulture, out _), $"{r.Str("id")}: now is not a date-time");
            Assert.NotEmpty(r.Strs("turns"));
            Assert.False(string.IsNullOrWhiteSpace(r.Str("reference")));
            Assert.NotEmpty(r.Strs("keywords"));
        }
        Assert.True(rows.Select(r => r.Str("script")).Distinct().Count() >= 6);
    }

    [Fact]
    public void Conformance_lines_name_keys_of_their_script_known_problem_types_and_a_quarter_are_clean()
    {
        var rows = Set("conformance.jsonl", "con", 120);
        string[] types = ["term", "format", "missing", "contradiction"];
        foreach (var r in rows)
        {
            var keys = ScriptOf(r.Str("script")).Questions.Select(q => q.Key).ToHashSet();
            Assert.All(r.GetProperty("answers").EnumerateArray(), a => Assert.Contains(a.Str("key"), keys));
            foreach (var e in r.GetProperty("expected").EnumerateArray())
            {
                Assert.Contains(e.Str("type"), types);
                Assert.True(keys.Contains(e.Str("key")) || e.Str("key") == RecordConformance.TextKey, $"{r.Str("id")}: {e.Str("key")} is not a question of {r.Str("script")}");
            }
        }
        Assert.True(rows.Count(r => r.GetProperty("expected").GetArrayLength() == 0) >= rows.Count / 4.0, "fewer than 25 % clean records");
    }

    [Fact]
    public void Reasoning_lines_name_shipped_knowledge_documents_and_a_fifth_have_no_answer()
    {
        var rows = Set("reasoning.jsonl", "rea", 60);
        var documents = KnowledgeFiguresTests.Presets().Select(d => d.Id).ToHashSet();
        Assert.All(rows.Select(r => r.StrOrNull("expected")).OfType<string>(), id => Assert.Contains(id, documents));
        Assert.True(rows.Count(r => r.StrOrNull("expected") is null) >= rows.Count / 5.0, "fewer than 20 % questions without an answer");
    }

    [Fact]
    public void Speech_plans_and_rater_files_are_well_formed()
    {
        Assert.All(Set("speech.jsonl", "sp", 60), r => Assert.False(string.IsNullOrWhiteSpace(r.Str("text"))));
        Assert.All(Set("plans.jsonl", "plan", 30), r =>
        {
            var steps = r.GetProperty("steps").EnumerateArray().ToList();
            Assert.NotEmpty(steps);
            Assert.All(steps, s => Assert.True(s.Str("node").Length > 0 && s.GetProperty("needed").ValueKind is JsonValueKind.True or JsonValueKind.False
                && s.GetProperty("correct").ValueKind is JsonValueKind.True or JsonValueKind.False));
        });
        foreach (var file in Directory.GetFiles(EvalFiles.PathOf(Path.Combine("data", "eval", "mos")), "*.csv"))
        {
            var lines = File.ReadAllLines(file).Where(l => l.Trim().Length > 0).ToList();
            Assert.Equal("rater,sample,score", lines[0].Trim());
            Assert.All(lines.Skip(1), l => Assert.True(l.Split(',') is [_, _, var s] && int.TryParse(s, out var n) && n is >= 1 and <= 5, $"{file}: {l}"));
        }
    }
}

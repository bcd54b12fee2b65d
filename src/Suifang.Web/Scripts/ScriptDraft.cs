using System.Globalization;
using Suifang.Agent.Scripts;

namespace Suifang.Web.Scripts;

/// The editor's mutable copy of a script (the agent's Script is immutable): bound to the form, turned back into a
/// Script for the checker, the diagram, the test console and saving.
public sealed class ScriptDraft
{
    public string Opening { get; set; } = "";
    public string IdentityCheck { get; set; } = "";
    public string Closing { get; set; } = "";
    public List<QuestionDraft> Questions { get; set; } = [];

    public static ScriptDraft From(Script s) => new()
    {
        Opening = s.Opening,
        IdentityCheck = s.IdentityCheck,
        Closing = s.Closing,
        Questions = s.Questions.Select(QuestionDraft.From).ToList(),
    };

    public Script ToScript(string key, int version, string name, ScriptPurpose purpose, string? department) => new()
    {
        Key = key,
        Version = version,
        Name = name,
        Purpose = purpose,
        Department = department,
        Opening = Opening.Trim(),
        IdentityCheck = IdentityCheck.Trim(),
        Closing = Closing.Trim(),
        Questions = Questions.Select(q => q.ToQuestion()).ToList(),
    };

    public void Move(int index, int by)
    {
        var to = index + by;
        if (index < 0 || index >= Questions.Count || to < 0 || to >= Questions.Count)
            return;
        (Questions[index], Questions[to]) = (Questions[to], Questions[index]);
    }

    /// A key not used yet, for a new question ("question_3").
    public string FreeKey()
    {
        var n = Questions.Count + 1;
        while (Questions.Any(q => q.Key == $"question_{n}"))
            n++;
        return $"question_{n}";
    }
}

public sealed class QuestionDraft
{
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Rephrase { get; set; }

    /// Short name for read-backs and summaries ("体温").
    public string? Label { get; set; }

    /// The standard symptom term a yes/no question asks about ("发热"), for contradictions and the red-flag pass.
    public string? Symptom { get; set; }
    public AnswerType Type { get; set; } = AnswerType.YesNo;
    public string? Unit { get; set; }

    /// Choices separated by ";" or "；".
    public string? ChoicesText { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    public bool Required { get; set; } = true;
    public bool Confirm { get; set; }

    /// Key presses as "1=yes;2=no".
    public string? DtmfText { get; set; }
    public List<BranchDraft> Branches { get; set; } = [];

    public static QuestionDraft From(ScriptQuestion q) => new()
    {
        Key = q.Key, Text = q.Text, Rephrase = q.Rephrase, Label = q.Label, Symptom = q.Symptom, Type = q.Type, Unit = q.Unit,
        ChoicesText = string.Join("；", q.Choices), Min = q.Min, Max = q.Max, Required = q.Required, Confirm = q.Confirm,
        DtmfText = string.Join("；", q.Dtmf.Select(kv => $"{kv.Key}={kv.Value}")),
        Branches = q.Branches.Select(b => new BranchDraft { When = b.When, Say = b.Say, Goto = b.Goto }).ToList(),
    };

    public IReadOnlyList<string> Choices => Split(ChoicesText);

    public ScriptQuestion ToQuestion() => new()
    {
        Key = Key.Trim(),
        Text = Text.Trim(),
        Rephrase = string.IsNullOrWhiteSpace(Rephrase) ? null : Rephrase.Trim(),
        Label = string.IsNullOrWhiteSpace(Label) ? null : Label.Trim(),
        Symptom = string.IsNullOrWhiteSpace(Symptom) ? null : Symptom.Trim(),
        Type = Type,
        Unit = string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(),
        Choices = Type == AnswerType.Choice ? Choices : [],
        Min = Min,
        Max = Max,
        Required = Required,
        Confirm = Confirm,
        Dtmf = Split(DtmfText).Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]),
        Branches = Branches.Select(b => new ScriptBranch((b.When ?? "").Trim(),
            string.IsNullOrWhiteSpace(b.Say) ? null : b.Say.Trim(), string.IsNullOrWhiteSpace(b.Goto) ? null : b.Goto)).ToList(),
    };

    private static List<string> Split(string? text) =>
        (text ?? "").Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static string Number(double? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
}

public sealed class BranchDraft
{
    public string? When { get; set; }
    public string? Say { get; set; }
    public string? Goto { get; set; }
}

using System.Globalization;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Scripts;

/// <summary>
/// Contradictions inside one record (7.1.2.2 矛盾项), by the rules of <see cref="ContradictionDetector"/>: a yes/no
/// answer about a symptom against another answer about the same term, a value that implies it (体温 ≥ 37.3 ℃ → 发热,
/// 血压 ≥ 140/90 → 高血压, 空腹血糖 ≥ 7.0 → 高血糖, 呕吐次数 &gt; 0 → 呕吐) or what the note says (understood with the
/// agent's own understanding, negation included). The problem is put on the yes/no answer (the later one when two
/// answers disagree), else on the value, else on the note.
/// </summary>
internal static class RecordContradictions
{
    // Count questions whose positive value means the symptom happened.
    private static readonly Dictionary<string, string> Counts = new() { ["vomiting_times"] = "呕吐", ["chest_pain_minutes"] = "胸痛" };

    private sealed record Statement(string Term, bool Present, string Key, int Rank, bool IsYesNo, string Said);

    public static IEnumerable<ConformanceProblem> Find(Script script, IReadOnlyDictionary<string, string> answers, string? text)
    {
        var statements = new List<Statement>();
        for (var i = 0; i < script.Questions.Count; i++)
        {
            var q = script.Questions[i];
            if (!answers.TryGetValue(q.Key, out var value)) continue;
            statements.AddRange(FromAnswer(q, i, value));
        }
        if (!string.IsNullOrWhiteSpace(text))
        {
            var u = ChineseUnderstander.Shared.Understand(text, UnderstandingContext.Open(new DateTime(2026, 1, 1, 10, 0, 0)));
            foreach (var s in u.Symptoms.Where(s => s.Status != SymptomStatus.Uncertain))
                statements.Add(new Statement(s.Term, s.Status == SymptomStatus.Present, RecordConformance.TextKey, int.MaxValue, false, s.Status == SymptomStatus.Present ? $"备注里写了“{s.Surface}”" : $"备注里写的是没有“{s.Surface}”"));
        }
        foreach (var group in statements.GroupBy(s => s.Term))
        {
            var yes = group.Where(s => s.Present).ToList();
            var no = group.Where(s => !s.Present).ToList();
            if (yes.Count == 0 || no.Count == 0) continue;
            var all = yes.Concat(no).ToList();
            var on = all.Where(s => s.IsYesNo).MaxBy(s => s.Rank) ?? all.Where(s => s.Key != RecordConformance.TextKey).MaxBy(s => s.Rank) ?? all[^1];
            var other = (on.Present ? no : yes).MaxBy(s => s.Rank == on.Rank ? -1 : s.Rank)!;
            yield return new ConformanceProblem(ConformanceType.Contradiction, on.Key,
                $"{on.Said}，{other.Said}，两者矛盾（{group.Key}）。请向患者核实后改正其中一项。");
        }
    }

    private static IEnumerable<Statement> FromAnswer(ScriptQuestion q, int rank, string value)
    {
        var name = RecordConformance.Name(q);
        if (q.Type == AnswerType.YesNo && value is "yes" or "no")
        {
            var lexicon = TermLexicon.Default;
            var term = q.Symptom is { } s ? lexicon.Get(s) : lexicon.ForQuestion(q.Key);
            if (term is null || !term.IsSymptom) yield break;
            var inverse = term.InverseQuestions.Contains(q.Key);
            var present = (value == "yes") != inverse;
            // a no to a narrower question (breathlessness_at_rest, chest_pain_minutes) does not deny the term itself
            if (!present && q.Symptom is null && term.AsksNarrower(q.Key)) yield break;
            var said = $"“{name}”填的是“{(value == "yes" ? "是" : "否")}”";
            yield return new Statement(term.Name, present, q.Key, rank, true, said);
            // a plain no denies every term the question names (chest_pain: 胸痛 and 胸闷; nausea_vomiting: 恶心 and 呕吐)
            if (!present && !inverse)
                foreach (var also in lexicon.AllForQuestion(q.Key).Where(t => t.Name != term.Name && t.IsSymptom))
                    yield return new Statement(also.Name, false, q.Key, rank, true, said);
            yield break;
        }
        if (Counts.TryGetValue(q.Key, out var counted) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            yield return new Statement(counted, true, q.Key, rank, false, $"“{name}”填的是 {value}");
            yield break;
        }
        var parts = value.Split('/');
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) yield break;
        double? second = parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y) ? y : null;
        var extracted = new ExtractedValue { Type = q.Type, Surface = value, Number = x, Number2 = second, Unit = q.Type == AnswerType.BloodPressure ? "mmHg" : q.Unit };
        foreach (var term in ContradictionDetector.ImpliedTerms(extracted))
            yield return new Statement(term, true, q.Key, rank, false, $"“{name}”填的是 {value}{(q.Type == AnswerType.BloodPressure ? " mmHg" : q.Unit)}");
    }
}

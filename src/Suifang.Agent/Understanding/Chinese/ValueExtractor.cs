using Suifang.Agent.Scripts;

namespace Suifang.Agent.Understanding.Chinese;

/// <summary>
/// Values said in an answer: numbers with units (三十八度五 → 38.5 ℃, 一百五 → 150), blood pressure pairs (一百五九十五,
/// 150/95, 高压150低压95), 0–10 scores (七八分 → 7.5), dates (下周三), and the question's choice closest in meaning.
/// </summary>
internal static class ValueExtractor
{
    private static readonly string[] NotNumbers = ["一点", "一下", "一些", "一直", "一样", "一般", "一定", "一起", "一会", "一边", "一共", "一切", "一阵", "一次性", "一天到晚", "一下子", "万一", "一路", "一旦", "两边", "三天两头", "一一"];

    public static List<ExtractedValue> Extract(string text, ScriptQuestion? question, DateTime now, IReadOnlyList<TermMatch> terms, IReadOnlyList<SaidTime> times, SymptomStatus? polarity)
    {
        var values = new List<ExtractedValue>();
        var type = question?.Type;
        // "没有" to "一天吐几次？没有吐请说 0" is the number 0
        if (type == AnswerType.Number && polarity == SymptomStatus.Absent && question!.Text.Contains("请说 0") && !ChineseNumbers.FindAll(text).Any())
            values.Add(new ExtractedValue { Type = AnswerType.Number, Surface = text, Number = 0, Unit = question.Unit, Start = 0, Length = text.Length });
        if (type is AnswerType.Number && question!.Unit == "分钟" && text.Contains("半小时") || text.Contains("半个小时") && question?.Unit == "分钟")
            values.Add(new ExtractedValue { Type = AnswerType.Number, Surface = "半小时", Number = 30, Unit = "分钟", Start = Math.Max(0, text.IndexOf('半')), Length = 3 });
        foreach (var t in times.Where(t => t.DateNamed))
            values.Add(new ExtractedValue { Type = AnswerType.Date, Surface = text.Substring(t.Start, t.Length), Date = t.Date, Start = t.Start, Length = t.Length });
        if (type == AnswerType.Choice && question!.Choices.Count > 0 && ChoiceMatcher.Best(text, question.Choices, polarity) is { } choice)
            values.Add(new ExtractedValue { Type = AnswerType.Choice, Surface = text, Choice = choice, Start = 0, Length = text.Length });

        var runs = ChineseNumbers.FindAll(text)
            .Where(r => !times.Any(t => Overlaps(r.Start, r.Length, t.Start, t.Length)) || type is AnswerType.Number or AnswerType.Score or AnswerType.BloodPressure && !times.Any(t => t.DateNamed))
            .Where(r => !terms.Any(m => Overlaps(r.Start, r.Length, m.Start, m.Length)))
            .Where(r => !NotNumbers.Any(w => string.CompareOrdinal(text, r.Start, w, 0, w.Length) == 0 || r.Start > 0 && string.CompareOrdinal(text, r.Start - 1, w, 0, w.Length) == 0))
            .ToList();
        if (runs.Count == 0) return values;

        var bloodPressureContext = type == AnswerType.BloodPressure || question?.Key.StartsWith("blood_pressure", StringComparison.Ordinal) == true || text.Contains("血压") || text.Contains("高压");
        var consumed = 0;
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (run.Start < consumed) continue; // the 五 of 三十八度五
            if (i + 1 < runs.Count && bloodPressureContext && IsPressurePair(text, run, runs[i + 1]))
            {
                var second = runs[i + 1];
                var end = second.Start + second.Length;
                values.Add(new ExtractedValue { Type = AnswerType.BloodPressure, Surface = text[run.Start..end], Number = run.Value, Number2 = second.Value, Unit = "mmHg", Start = run.Start, Length = end - run.Start });
                i++;
                continue;
            }
            var (value, unit, length) = WithUnit(text, run, question);
            consumed = run.Start + length;
            if (type == AnswerType.Score && unit is null or "分" && value is >= 0 and <= 10)
            {
                values.Add(new ExtractedValue { Type = AnswerType.Score, Surface = text.Substring(run.Start, length), Number = value, Start = run.Start, Length = length });
                continue;
            }
            var expected = type is AnswerType.Number or AnswerType.BloodPressure;
            if (unit is null && !expected) continue;
            if (expected && unit is null && question?.Unit is { } qUnit) unit = qUnit;
            if (unit == "分" && type != AnswerType.Score) continue;
            values.Add(new ExtractedValue { Type = AnswerType.Number, Surface = text.Substring(run.Start, length), Number = value, Unit = unit, Start = run.Start, Length = length });
        }
        return values;
    }

    private static bool IsPressurePair(string text, NumberRun first, NumberRun second)
    {
        var gap = text[(first.Start + first.Length)..second.Start];
        return first.Value is >= 70 and <= 260 && second.Value is >= 30 and <= 160 && first.Value > second.Value
            && gap.Length <= 6 && gap.All(c => "/／ 、,，和到低压舒张的是比毫米汞柱mmHg多左右".Contains(c));
    }

    // The unit said after the number, and a decimal said after 度 ("三十八度五", "38度5").
    private static (double Value, string? Unit, int Length) WithUnit(string text, NumberRun run, ScriptQuestion? question)
    {
        var after = run.Start + run.Length;
        var rest = text[after..];
        string? Starts(params string[] words) => words.FirstOrDefault(w => rest.StartsWith(w, StringComparison.OrdinalIgnoreCase));
        if (Starts("度", "℃", "摄氏度") is { } degree)
        {
            var value = run.Value;
            var length = run.Length + degree.Length;
            if (degree == "度")
            {
                var scale = 0.1;
                for (var k = 1; k < rest.Length && ChineseNumbers.DigitValue(rest[k]) >= 0 && k <= 2; k++, scale /= 10)
                {
                    value += ChineseNumbers.DigitValue(rest[k]) * scale;
                    length++;
                }
                value = Math.Round(value, 2);
            }
            var unit = value is >= 34 and <= 43 || question?.Unit == "℃" ? "℃" : "度";
            return (value, unit, length);
        }
        if (Starts("毫米汞柱", "mmhg") is { } mm) return (run.Value, "mmHg", run.Length + mm.Length);
        if (Starts("毫摩尔", "mmol/l", "mmol", "个") is { } mmol && (mmol != "个" || question?.Unit == "mmol/L"))
            return (run.Value, "mmol/L", run.Length + mmol.Length);
        if (Starts("公斤", "千克", "kg") is { } kg) return (run.Value, "kg", run.Length + kg.Length);
        if (Starts("斤半", "斤") is { } jin)
        {
            var said = run.Value + (jin == "斤半" ? 0.5 : 0);
            return question?.Unit == "kg" ? (said / 2, "kg", run.Length + jin.Length) : (said, "斤", run.Length + jin.Length);
        }
        if (Starts("分钟") is { } minutes) return (run.Value, "分钟", run.Length + minutes.Length);
        if (Starts("分") is { } score) return (run.Value, "分", run.Length + score.Length);
        if (Starts("次", "下") is { } beats)
        {
            var perMinute = question?.Unit == "次/分" || text.Contains("心率") || text.Contains("脉搏") || text.Contains("分钟");
            return (run.Value, perMinute ? "次/分" : question?.Unit ?? "次", run.Length + beats.Length);
        }
        if (Starts("%", "％") is { } percent) return (run.Value, "%", run.Length + percent.Length);
        if (run.Start >= 3 && text.Substring(run.Start - 3, 3) == "百分之") return (run.Value, "%", run.Length);
        return (run.Value, null, run.Length);
    }

    private static bool Overlaps(int aStart, int aLength, int bStart, int bLength) => aStart < bStart + bLength && bStart < aStart + aLength;
}

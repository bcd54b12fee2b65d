using System.Globalization;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.Dialogue;

internal enum ReadingKind { Value, OutOfRange, NotUnderstood, Filler }

/// <summary>What an input says as an answer to a question: a normalised value, or why there is none.</summary>
internal readonly record struct Reading(ReadingKind Kind, string? Value = null)
{
    public static readonly Reading NotUnderstood = new(ReadingKind.NotUnderstood);
    public static readonly Reading Filler = new(ReadingKind.Filler);
}

/// <summary>Normalises an understanding or key presses into a question's answer value ("yes", "38.5", "150/95", a choice).</summary>
internal static class AnswerReader
{
    public static Reading Read(ScriptQuestion q, UtteranceUnderstanding u)
    {
        if (u.Intent == Intent.Filler) return Reading.Filler;
        if (u.Intent == Intent.Uncertain) return new(ReadingKind.Value, "uncertain");
        return q.Type switch
        {
            AnswerType.YesNo => YesNo(u),
            AnswerType.Number or AnswerType.Score => Number(q, NumberFor(q, u.Values)),
            AnswerType.BloodPressure => u.Values.FirstOrDefault(v => v is { Number: not null, Number2: not null }) is { } bp
                ? Pressure(q, bp.Number!.Value, bp.Number2!.Value) : Reading.NotUnderstood,
            AnswerType.Choice => Choice(q, u),
            AnswerType.Date => u.Values.FirstOrDefault(v => v.Date is not null)?.Date is { } d
                ? new(ReadingKind.Value, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : Reading.NotUnderstood,
            _ => new(ReadingKind.Value, u.Text.Trim()),
        };
    }

    /// <summary>Key presses: the question's DTMF map first, then digits as a number ("*" is the decimal point).</summary>
    public static Reading ReadKeys(ScriptQuestion q, string digits)
    {
        var keys = digits.TrimEnd('#');
        if (q.Dtmf.TryGetValue(keys, out var mapped)) return new(ReadingKind.Value, mapped);
        if (q.Type is AnswerType.Number or AnswerType.Score
            && double.TryParse(keys.Replace('*', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            return Number(q, n);
        return Reading.NotUnderstood;
    }

    public static bool TakesKeys(ScriptQuestion q) => q.Dtmf.Count > 0 || q.Type is AnswerType.Number or AnswerType.Score;

    private static Reading YesNo(UtteranceUnderstanding u)
    {
        switch (u.Intent)
        {
            case Intent.Affirm: return new(ReadingKind.Value, "yes");
            case Intent.Deny: return new(ReadingKind.Value, "no");
        }
        if (u.Symptoms.Count == 0) return Reading.NotUnderstood;
        var status = u.Symptoms[^1].Status;
        if (u.Symptoms.Any(s => s.Status != status)) return Reading.NotUnderstood;
        return new(ReadingKind.Value, status switch
        {
            SymptomStatus.Present => "yes",
            SymptomStatus.Absent => "no",
            _ => "uncertain",
        });
    }

    /// <summary>The number meant for this question: one of its type first, else one without another unit ("39度" is no pain score).</summary>
    private static double? NumberFor(ScriptQuestion q, IReadOnlyList<ExtractedValue> values)
    {
        double? fallback = null;
        foreach (var v in values)
        {
            if (v.Number is not { } n) continue;
            if (v.Type == q.Type) return n;
            if (v.Unit is null || v.Unit == q.Unit) fallback ??= n;
        }
        return fallback;
    }

    private static Reading Number(ScriptQuestion q, double? n)
    {
        if (n is not { } x) return Reading.NotUnderstood;
        var (min, max) = q.Type == AnswerType.Score ? (q.Min ?? 0, q.Max ?? 10) : (q.Min, q.Max);
        var text = Format(x);
        return x < min || x > max ? new(ReadingKind.OutOfRange, text) : new(ReadingKind.Value, text);
    }

    private static Reading Pressure(ScriptQuestion q, double high, double low)
    {
        var text = Format(high) + "/" + Format(low);
        var bad = high <= low || high < (q.Min ?? 50) || high > (q.Max ?? 260) || low < 30 || low > 160;
        return new(bad ? ReadingKind.OutOfRange : ReadingKind.Value, text);
    }

    private static Reading Choice(ScriptQuestion q, UtteranceUnderstanding u)
    {
        foreach (var v in u.Values)
            if (v.Choice is { } c && q.Choices.Contains(c)) return new(ReadingKind.Value, c);
        foreach (var c in q.Choices)
            if (u.Text.Contains(c, StringComparison.Ordinal)) return new(ReadingKind.Value, c);
        return Reading.NotUnderstood;
    }

    public static string Format(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Suifang.Agent.Scripts;

namespace Suifang.Agent.Dialogue;

/// <summary>
/// Matches a branch condition against a normalised answer: "yes"/"no"/"uncertain", a choice, or a comparison
/// ("&gt;=38.5", "&lt;90", "==0"). A blood pressure compares both numbers ("&gt;=140/90"): over-limits match when
/// either number is over, under-limits when both are under.
/// </summary>
internal static class BranchMatcher
{
    private static readonly string[] Operators = [">=", "<=", "==", "!=", ">", "<", "="];

    public static ScriptBranch? Match(ScriptQuestion q, string value)
    {
        foreach (var b in q.Branches)
            if (Matches(b.When, value)) return b;
        return null;
    }

    public static bool Matches(string when, string value)
    {
        var w = when.Trim();
        if (TryParseComparison(w, out var op, out var limits))
        {
            var numbers = value.Split('/');
            if (numbers.Length != limits.Length) return false;
            var hits = 0;
            for (var i = 0; i < numbers.Length; i++)
            {
                if (!double.TryParse(numbers[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) return false;
                if (Compare(op, x, limits[i])) hits++;
            }
            return op is ">" or ">=" or "!=" ? hits > 0 : hits == numbers.Length;
        }
        return string.Equals(w, value, StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsComparison(string when) => TryParseComparison(when.Trim(), out _, out _);

    public static bool TryParseComparison(string w, out string op, out double[] limits)
    {
        op = Operators.FirstOrDefault(w.StartsWith) ?? "";
        limits = [];
        if (op.Length == 0) return false;
        var parts = w[op.Length..].Trim().Split('/');
        var parsed = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[i])) return false;
        limits = parsed;
        return true;
    }

    private static bool Compare(string op, double x, double limit) => op switch
    {
        ">=" => x >= limit,
        "<=" => x <= limit,
        ">" => x > limit,
        "<" => x < limit,
        "!=" => x != limit,
        _ => x == limit,
    };
}

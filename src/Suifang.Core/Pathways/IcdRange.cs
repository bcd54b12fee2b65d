using System.Text.RegularExpressions;

namespace Suifang.Core.Pathways;

/// An ICD-10 code ("I21.9"), a category ("I21", covering I21.0–I21.9), or a range of categories ("I20-I25").
public readonly partial record struct IcdRange(string From, string To)
{
    public static IcdRange Parse(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        var dash = t.IndexOfAny(['-', '–', '~']);
        return dash < 0 ? new IcdRange(t, t) : new IcdRange(t[..dash].Trim(), t[(dash + 1)..].Trim());
    }

    /// Parses "I20-I25;Z95.5" (';', ',' or '，' between items); blank items are ignored.
    public static IReadOnlyList<IcdRange> ParseList(string? text) =>
        Items(text).Select(Parse).ToList();

    /// Like Parse, but says in Chinese what is wrong with a code that is not ICD-10 ("I2l", "I25-I20").
    public static bool TryParse(string text, out IcdRange range, out string? error)
    {
        range = Parse(text);
        error = null;
        foreach (var bound in new[] { range.From, range.To }.Distinct())
        {
            if (!Code().IsMatch(bound))
            {
                error = $"“{bound}”不是有效的 ICD-10 编码：应为一个字母加两位数字，可带小数点后的细分，例如 I21、I21.9 或 I25.103。";
                return false;
            }
        }
        if (string.CompareOrdinal(range.From, range.To) > 0)
        {
            error = $"范围“{text.Trim()}”的起点在终点之后，请写成 {range.To}-{range.From}。";
            return false;
        }
        return true;
    }

    /// Every item of a list, or the reasons the items that are not ICD-10 were refused.
    public static bool TryParseList(string? text, out IReadOnlyList<IcdRange> ranges, out IReadOnlyList<string> errors)
    {
        var parsed = new List<IcdRange>();
        var problems = new List<string>();
        foreach (var item in Items(text))
        {
            if (TryParse(item, out var r, out var error))
                parsed.Add(r);
            else
                problems.Add(error!);
        }
        ranges = parsed;
        errors = problems;
        return problems.Count == 0;
    }

    /// True when the code lies in the range; a bound matches every code it prefixes ("I25" covers "I25.103").
    public bool Contains(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return false;
        var c = code.Trim().ToUpperInvariant();
        return string.CompareOrdinal(c, From) >= 0
            && (string.CompareOrdinal(c, To) <= 0 || c.StartsWith(To, StringComparison.Ordinal));
    }

    public static bool AnyContains(IEnumerable<IcdRange> ranges, string? code) => ranges.Any(r => r.Contains(code));

    public override string ToString() => From == To ? From : $"{From}-{To}";

    private static string[] Items(string? text) =>
        (text ?? "").Split([';', ',', '，', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,6})?$")]
    private static partial Regex Code();
}

namespace Suifang.Core.Pathways;

/// An ICD-10 code ("I21.9"), a category ("I21", covering I21.0–I21.9), or a range of categories ("I20-I25").
public readonly record struct IcdRange(string From, string To)
{
    public static IcdRange Parse(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        var dash = t.IndexOfAny(['-', '–', '~']);
        return dash < 0 ? new IcdRange(t, t) : new IcdRange(t[..dash].Trim(), t[(dash + 1)..].Trim());
    }

    /// Parses "I20-I25;Z95.5" (';', ',' or '，' between items); blank items are ignored.
    public static IReadOnlyList<IcdRange> ParseList(string? text) =>
        (text ?? "").Split([';', ',', '，', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse).ToList();

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
}

namespace Suifang.Core.Patients.ListPatients;

/// A "starts with" search as a range [Low, High) so that an ordinary B-tree index serves it on both
/// databases (SQLite's LIKE cannot use one; PostgreSQL columns used this way have the "C" collation).
internal readonly record struct Prefix(string Low, string High)
{
    public static Prefix? Of(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
            return null;
        var last = t[^1];
        // A lone surrogate cannot be incremented into a valid string; drop it and widen the range.
        if (char.IsSurrogate(last))
            return t.Length > 1 ? Of(t[..^1]) : null;
        return new Prefix(t, t[..^1] + (char)(last + 1));
    }
}

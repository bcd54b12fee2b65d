using System.Globalization;

namespace Suifang.Eval.Reporting;

internal static class Format
{
    public static string Value(double? v, string unit) => v is not { } x ? "—" : unit switch
    {
        "%" => (x * 100).ToString("F1", CultureInfo.InvariantCulture) + " %",
        "ms" => x.ToString("F2", CultureInfo.InvariantCulture) + " ms",
        "分" => x.ToString("F2", CultureInfo.InvariantCulture) + " 分",
        _ => x.ToString("F3", CultureInfo.InvariantCulture),
    };

    public static string Signed(double? v, string unit) => v is not { } x ? "—" : (x >= 0 ? "+" : "−") + Value(Math.Abs(x), unit);

    public static string Range(double? low, double? high, string unit) =>
        low is null || high is null ? "—" : $"{Value(low, unit)} – {Value(high, unit)}";

    /// Markdown table cells may not contain | or line breaks.
    public static string Cell(string? s) => (s ?? "").Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");
}

using System.Globalization;
using System.Text.RegularExpressions;
using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Patients.Import;

/// Reads cell values as Excel gives them (text, numbers, dates) into the types a record needs.
internal static partial class CellValues
{
    private static readonly string[] DateFormats = BuildDateFormats();

    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        // Phone and visit numbers typed as numbers come back as doubles: write them without ".0" or exponent.
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim(),
    };

    public static DateTime? Date(object? cell, string column, List<FieldError> errors)
    {
        switch (cell)
        {
            case null:
                return null;
            case DateTime t:
                return DateTime.SpecifyKind(t, DateTimeKind.Unspecified);
            case double d when d is > 1 and < 2958465:
                return DateTime.FromOADate(d);
        }
        var text = Text(cell);
        if (text is null)
            return null;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return parsed;
        errors.Add(new(column, $"{column}“{text}”不是可识别的日期：请写成 2026-11-03、2026/11/3 09:30，或使用 Excel 的日期格式。"));
        return null;
    }

    public static int? Age(object? cell, List<FieldError> errors)
    {
        var text = Text(cell);
        if (text is null)
            return null;
        var digits = text.TrimEnd('岁', '周', ' ');
        if (int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age))
            return age;
        if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d))
            return (int)d;
        errors.Add(new(ImportColumns.Age, $"年龄“{text}”不是整数，请填写周岁数，例如 66。"));
        return null;
    }

    /// "E11.9 2型糖尿病; I10 高血压" → two diagnoses. A code without a name keeps an empty name.
    public static IReadOnlyList<Diagnosis> Diagnoses(object? cell)
    {
        var text = Text(cell);
        if (text is null)
            return [];
        var list = new List<Diagnosis>();
        foreach (var item in text.Split([';', '；', '，', ',', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = CodeAndName().Match(item);
            list.Add(m.Success
                ? new Diagnosis { Code = m.Groups[1].Value.ToUpperInvariant(), Name = m.Groups[2].Value.Trim() }
                : new Diagnosis { Code = item, Name = "" });
        }
        return list;
    }

    private static string[] BuildDateFormats()
    {
        string[] days = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];
        string[] times = ["", " H:mm", " H:mm:ss", "'T'H:mm", "'T'H:mm:ss", " H时m分", "H:mm"];
        return days.SelectMany(d => times.Select(t => d + t)).ToArray();
    }

    [GeneratedRegex(@"^([A-Za-z]\d{2}(?:\.[0-9A-Za-z]{1,4})?)\s*(.*)$")]
    private static partial Regex CodeAndName();
}

using System.IO.Compression;
using System.Xml;

namespace Suifang.Core.Patients.Import.Xlsx;

/// Which cell styles show a number as a date or time (Excel stores dates as day numbers; the style says so):
/// the built-in date formats, and custom formats whose code has day, month, year, hour or second placeholders.
internal sealed class DateStyles
{
    private readonly bool[] _isDate;

    private DateStyles(bool[] isDate) => _isDate = isDate;

    public bool IsDate(int style) => (uint)style < (uint)_isDate.Length && _isDate[style];

    public static DateStyles Read(ZipArchive zip, string? part)
    {
        if (part is null)
            return new DateStyles([]);
        var customDates = new HashSet<int>();
        var styles = new List<bool>();
        using var reader = XlsxPackage.Open(zip, part);
        var inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
                inCellXfs = false;
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), out var id) && IsDateCode(reader.GetAttribute("formatCode") ?? ""):
                    customDates.Add(id);
                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var format = int.TryParse(reader.GetAttribute("numFmtId"), out var f) ? f : 0;
                    styles.Add(IsBuiltInDate(format) || customDates.Contains(format));
                    break;
            }
        }
        return new DateStyles(styles.ToArray());
    }

    /// 14–22 and 45–47 everywhere; 27–36 and 50–58 are the date formats of Chinese, Japanese and Korean Excel.
    private static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    /// Placeholders outside quoted text, escaped characters and [colour]/[$-804] sections.
    private static bool IsDateCode(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (quoted) { quoted = c != '"'; continue; }
            if (bracket) { bracket = c != ']'; continue; }
            switch (c)
            {
                case '"': quoted = true; break;
                case '[': bracket = true; break;
                case '\\' or '_' or '*': i++; break;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S': return true;
            }
        }
        return false;
    }
}

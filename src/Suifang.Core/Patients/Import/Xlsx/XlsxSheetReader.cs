using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Suifang.Core.Patients.Import.Xlsx;

/// One row of the sheet: its Excel row number and its cell values by column (0 = A); text as string, numbers as
/// double, date-styled numbers as DateTime, booleans as bool, empty cells as null.
internal sealed record XlsxRow(int Number, object?[] Cells);

/// Streams the first worksheet of an xlsx forward with one XmlReader, in a single pass: the shared strings and
/// the styles are read first (small parts), then the sheet's rows as they come, every row number from 1 on
/// (rows the file leaves out come back empty). The &lt;dimension&gt; the sheet declares, if any, gives the row count.
internal sealed class XlsxSheetReader : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly XmlReader _sheet;
    private readonly SharedStrings _strings;
    private readonly DateStyles _dates;
    private readonly Names _names;
    private bool _empty;

    private XlsxSheetReader(ZipArchive zip, XmlReader sheet, SharedStrings strings, DateStyles dates)
    {
        (_zip, _sheet, _strings, _dates) = (zip, sheet, strings, dates);
        _names = new Names(sheet.NameTable);
        DeclaredRows = ReadToSheetData();
    }

    /// The last row number of the sheet's &lt;dimension ref="A1:S100001"/&gt;; null when the file does not say.
    public int? DeclaredRows { get; }

    public static XlsxSheetReader Open(Stream xlsx)
    {
        var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            var (sheet, sharedStrings, styles) = XlsxPackage.Parts(zip);
            return new XlsxSheetReader(zip, XlsxPackage.Open(zip, sheet), SharedStrings.Read(zip, sharedStrings), DateStyles.Read(zip, styles));
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public IEnumerable<XlsxRow> Rows()
    {
        var next = 1;
        while (!_empty && _sheet.Read())
        {
            if (_sheet.NodeType == XmlNodeType.EndElement && ReferenceEquals(_sheet.LocalName, _names.SheetData))
                yield break;
            if (_sheet.NodeType != XmlNodeType.Element || !ReferenceEquals(_sheet.LocalName, _names.Row))
                continue;
            var number = int.TryParse(_sheet.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : next;
            for (; next < number; next++)
                yield return new XlsxRow(next, []);
            next = number + 1;
            yield return new XlsxRow(number, ReadCells());
        }
    }

    private object?[] ReadCells()
    {
        if (_sheet.IsEmptyElement)
            return [];
        var cells = new object?[16];
        var count = 0;
        var depth = _sheet.Depth;
        _sheet.Read();
        while (!(_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == depth) && !_sheet.EOF)
        {
            if (_sheet.NodeType != XmlNodeType.Element || !ReferenceEquals(_sheet.LocalName, _names.C))
            {
                _sheet.Read();
                continue;
            }
            var column = _sheet.GetAttribute("r") is { } reference && ColumnOf(reference) is >= 0 and var c ? c : count;
            var value = ReadCell();
            if (column >= cells.Length)
                Array.Resize(ref cells, Math.Max(column + 1, cells.Length * 2));
            cells[column] = value;
            count = Math.Max(count, column + 1);
        }
        return cells.AsSpan(0, count).ToArray();
    }

    /// Reads one &lt;c&gt; and leaves the reader after it.
    private object? ReadCell()
    {
        var type = _sheet.GetAttribute("t");
        var style = int.TryParse(_sheet.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (_sheet.IsEmptyElement)
        {
            _sheet.Read();
            return null;
        }
        var depth = _sheet.Depth;
        string? raw = null;
        string? inline = null;
        _sheet.Read();
        while (!(_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == depth) && !_sheet.EOF)
        {
            if (_sheet.NodeType != XmlNodeType.Element)
                _sheet.Read();
            else if (ReferenceEquals(_sheet.LocalName, _names.V))
                raw = _sheet.ReadElementContentAsString();
            else if (ReferenceEquals(_sheet.LocalName, _names.Is))
                inline = XlsxPackage.RichText(_sheet);
            else
                _sheet.Skip();
        }
        _sheet.Read();
        return type switch
        {
            "inlineStr" => inline ?? raw,
            "s" => raw is null ? null : _strings[int.Parse(raw, NumberStyles.None, CultureInfo.InvariantCulture)],
            "str" or "e" => raw,
            "b" => raw is null ? null : raw is "1" or "true",
            "d" => raw is null ? null : DateTime.Parse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None),
            _ => Number(raw, style),
        };
    }

    private object? Number(string? raw, int style)
    {
        if (string.IsNullOrEmpty(raw))
            return null;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return raw;
        return _dates.IsDate(style) && d is >= -657435 and < 2958466 ? DateTime.FromOADate(d) : d;
    }

    /// Moves to the rows, reading the dimension on the way.
    private int? ReadToSheetData()
    {
        int? rows = null;
        while (_sheet.Read())
        {
            if (_sheet.NodeType != XmlNodeType.Element)
                continue;
            if (ReferenceEquals(_sheet.LocalName, _names.SheetData))
            {
                _empty = _sheet.IsEmptyElement;
                return rows;
            }
            if (_sheet.LocalName == "dimension" && _sheet.GetAttribute("ref") is { } range)
                rows = LastRow(range);
        }
        throw new InvalidDataException("the sheet has no sheetData");
    }

    /// "AB12" → 27.
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
                column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z')
                column = column * 26 + (c - 'a' + 1);
            else
                break;
        }
        return column - 1;
    }

    /// "A1:T100001" → 100001; "A1" (an empty sheet) → 1.
    private static int? LastRow(string range)
    {
        var last = range.AsSpan(range.LastIndexOf(':') + 1).TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
        return int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;
    }

    public void Dispose()
    {
        _sheet.Dispose();
        _zip.Dispose();
    }

    private sealed class Names(XmlNameTable table)
    {
        public readonly string SheetData = table.Add("sheetData");
        public readonly string Row = table.Add("row");
        public readonly string C = table.Add("c");
        public readonly string V = table.Add("v");
        public readonly string Is = table.Add("is");
    }
}

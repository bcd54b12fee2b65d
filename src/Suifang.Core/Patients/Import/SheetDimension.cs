using System.IO.Compression;
using System.Xml;

namespace Suifang.Core.Patients.Import;

/// The number of rows the first worksheet declares in its &lt;dimension ref="A1:T100001"/&gt;, read from the start
/// of the sheet's XML without parsing the rows (MiniExcel's GetSheetDimensions reads the whole sheet when it
/// cannot find it, which costs seconds on a large file). Null when the file does not say.
internal static class SheetDimension
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static int? RowsOf(Stream xlsx)
    {
        using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        var sheetPath = FirstSheetPath(zip);
        if (sheetPath is null || zip.GetEntry(sheetPath) is not { } entry)
            return null;
        using var reader = XmlReader.Create(entry.Open(), new XmlReaderSettings { IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            if (reader.LocalName == "sheetData")
                return null;
            if (reader.LocalName == "dimension" && reader.GetAttribute("ref") is { } range)
                return LastRow(range);
        }
        return null;
    }

    private static string? FirstSheetPath(ZipArchive zip)
    {
        var workbook = zip.GetEntry("xl/workbook.xml");
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null || rels is null)
            return null;
        string? id = null;
        using (var reader = XmlReader.Create(workbook.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            while (id is null && reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                    id = reader.GetAttribute("id", Relationships);
        using (var reader = XmlReader.Create(rels.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") == id)
                {
                    var target = reader.GetAttribute("Target") ?? "";
                    return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
        return null;
    }

    /// "A1:T100001" → 100001; "A1" (an empty sheet) → 1.
    private static int? LastRow(string range)
    {
        var last = range.Split(':')[^1];
        var digits = new string(last.SkipWhile(char.IsLetter).ToArray());
        return int.TryParse(digits, out var row) ? row : null;
    }
}

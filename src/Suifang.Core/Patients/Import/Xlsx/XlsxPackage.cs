using System.IO.Compression;
using System.Xml;

namespace Suifang.Core.Patients.Import.Xlsx;

/// The parts of an xlsx that reading the first sheet needs: where the sheet, the shared strings and the
/// styles are (workbook.xml and its relationships), and XML readers over them.
internal static class XlsxPackage
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        XmlResolver = null,
    };

    /// The first sheet's part, and the shared strings and styles parts (null when the workbook has none).
    public static (string Sheet, string? SharedStrings, string? Styles) Parts(ZipArchive zip)
    {
        var workbook = zip.GetEntry("xl/workbook.xml") ?? throw new InvalidDataException("xl/workbook.xml is missing");
        string? firstSheetId = null;
        using (var reader = XmlReader.Create(workbook.Open(), Settings))
            while (firstSheetId is null && reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                    firstSheetId = reader.GetAttribute("id", Relationships) ?? reader.GetAttribute("r:id");
        string? sheet = null, sharedStrings = null, styles = null;
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
            using (var reader = XmlReader.Create(rels.Open(), Settings))
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship")
                        continue;
                    var target = PartPath(reader.GetAttribute("Target") ?? "");
                    var type = reader.GetAttribute("Type") ?? "";
                    if (reader.GetAttribute("Id") == firstSheetId)
                        sheet = target;
                    else if (type.EndsWith("/sharedStrings", StringComparison.Ordinal))
                        sharedStrings = target;
                    else if (type.EndsWith("/styles", StringComparison.Ordinal))
                        styles = target;
                }
        sheet ??= "xl/worksheets/sheet1.xml";
        return (sheet, sharedStrings ?? Existing(zip, "xl/sharedStrings.xml"), styles ?? Existing(zip, "xl/styles.xml"));
    }

    public static XmlReader Open(ZipArchive zip, string part) =>
        XmlReader.Create((zip.GetEntry(part) ?? throw new InvalidDataException($"{part} is missing")).Open(), Settings);

    /// The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt;, or its runs' &lt;t&gt; joined, without phonetic
    /// guides (&lt;rPh&gt;). Leaves the reader after the element's end.
    public static string RichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        var depth = reader.Depth;
        string? single = null;
        System.Text.StringBuilder? joined = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
                reader.Read();
            else if (reader.LocalName == "t")
            {
                var text = reader.ReadElementContentAsString();
                if (single is null && joined is null)
                    single = text;
                else
                    (joined ??= new System.Text.StringBuilder(single)).Append(text);
            }
            else if (reader.LocalName == "rPh")
                reader.Skip();
            else
                reader.Read();
        }
        reader.Read();
        return joined?.ToString() ?? single ?? "";
    }

    private static string PartPath(string target) => target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;

    private static string? Existing(ZipArchive zip, string part) => zip.GetEntry(part) is null ? null : part;
}

using System.IO.Compression;
using System.Text;
using Suifang.Core.Patients.Import.Xlsx;

namespace Suifang.Core.Tests.Patients.Import;

/// Files as Excel saves them (shared strings, rich text, date styles, rows left out), not as MiniExcel writes them.
public sealed class XlsxSheetReaderTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public void An_excel_saved_sheet_reads_shared_strings_dates_numbers_and_rows_left_out()
    {
        using var file = Workbook(
            """<dimension ref="A1:D4"/><sheetData>""" +
            """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>""" +
            """<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>46329.5</v></c><c r="C2"><v>13812345678</v></c><c r="D2" s="2"><v>21256</v></c></row>""" +
            """<row r="4"><c r="A4" t="inlineStr"><is><t>李四</t></is></c><c r="B4" t="b"><v>1</v></c></row>""" +
            "</sheetData>",
            ["姓名", "就诊/入院时间", "出生日期", "<r><t>张</t></r><r><t>三</t></r><rPh><t>ZHANG</t></rPh>"]);

        using var reader = XlsxSheetReader.Open(file);
        var rows = reader.Rows().ToList();

        Assert.Equal(4, reader.DeclaredRows);
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Number));
        Assert.Equal(["姓名", "就诊/入院时间", null, "出生日期"], rows[0].Cells);
        Assert.Equal(["张三", new DateTime(2026, 11, 3, 12, 0, 0), 13812345678d, new DateTime(1958, 3, 12)], rows[1].Cells);
        Assert.Empty(rows[2].Cells);
        Assert.Equal(["李四", true], rows[3].Cells);
    }

    private static MemoryStream Workbook(string sheetBody, string[] sharedStrings)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="患者" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
            Part(zip, "xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}">{sheetBody}</worksheet>""");
            Part(zip, "xl/sharedStrings.xml", $"""<sst xmlns="{Main}">{string.Concat(sharedStrings.Select(s => s.StartsWith('<') ? $"<si>{s}</si>" : $"<si><t>{s}</t></si>"))}</sst>""");
            // Style 1: a custom date-time format; style 2: the Chinese built-in date format 31 (yyyy年m月d日); cellStyleXfs must not count.
            Part(zip, "xl/styles.xml", $"""<styleSheet xmlns="{Main}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d\ h:mm;@"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="31"/></cellXfs></styleSheet>""");
        }
        stream.Position = 0;
        return stream;
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}

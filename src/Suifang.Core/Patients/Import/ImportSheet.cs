using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Suifang.Core.Patients.Import;

/// One data row of the sheet: its Excel row number and its cells by column header.
internal sealed record SheetRow(int RowNumber, IReadOnlyDictionary<string, object?> Cells)
{
    public object? this[string header] => Cells.GetValueOrDefault(header);

    public bool IsEmpty => Cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));
}

/// The file was refused as a whole (not an xlsx, no header row, required columns missing).
public sealed class ImportFileRefusedException(string message) : Exception(message);

/// Streams the first sheet of an xlsx row by row (MiniExcel reads the XML forward, never the whole sheet):
/// row 1 holds the headers; the rows below are data. One pass: the header and the rows come from the same
/// enumeration (MiniExcel measures the sheet when a query starts, which costs a pass of its own).
internal sealed class ImportSheet : IDisposable
{
    private static readonly OpenXmlConfiguration Config = new() { FillMergedCells = false, EnableSharedStringCache = true };

    private readonly IEnumerator<IDictionary<string, object?>> _rows;
    private readonly Dictionary<string, string> _headerOfColumn;

    private ImportSheet(IEnumerator<IDictionary<string, object?>> rows, Dictionary<string, string> headerOfColumn, int? totalRows)
    {
        _rows = rows;
        _headerOfColumn = headerOfColumn;
        TotalRows = totalRows;
    }

    /// Data rows the sheet declares (its dimension), for the progress bar; null when the file does not say.
    public int? TotalRows { get; }

    public IReadOnlyCollection<string> Headers => _headerOfColumn.Values;

    public static ImportSheet Open(Stream stream)
    {
        if (!stream.CanSeek)
            throw new ArgumentException("The import reads the file twice (size, then rows): pass a seekable stream.", nameof(stream));
        IEnumerator<IDictionary<string, object?>>? rows = null;
        IDictionary<string, object?>? header;
        int? total;
        try
        {
            total = SheetDimension.RowsOf(stream) is { } count ? Math.Max(0, count - 1) : null;
            stream.Position = 0;
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX, configuration: Config)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
            header = rows.MoveNext() ? rows.Current : null;
        }
        // MiniExcel and the zip reader throw many types for a file that is not an xlsx; all mean the same to a nurse.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            rows?.Dispose();
            throw new ImportFileRefusedException(
                "文件无法读取：它不是有效的 Excel（.xlsx）文件，或文件已损坏。请在 Excel 中打开后“另存为 Excel 工作簿（*.xlsx）”，或下载导入模板重新填写。");
        }
        if (header is null || header.Values.All(v => string.IsNullOrWhiteSpace(CellValues.Text(v))))
        {
            rows.Dispose();
            throw new ImportFileRefusedException("文件第 1 行没有列标题：请使用导入模板，第 1 行是“姓名”“手机号”等列名，数据从第 2 行开始。");
        }

        var headerOfColumn = new Dictionary<string, string>();
        foreach (var (column, value) in header)
            if (ImportColumns.Match(CellValues.Text(value)) is { } match && !headerOfColumn.ContainsValue(match.Header))
                headerOfColumn[column] = match.Header;
        var missing = ImportColumns.RequiredColumns.Select(c => c.Header).Where(h => !headerOfColumn.ContainsValue(h)).ToList();
        if (missing.Count > 0)
        {
            rows.Dispose();
            throw new ImportFileRefusedException(
                $"文件缺少必填列：{string.Join("、", missing)}。请下载导入模板，按模板第 1 行的列名填写（列的顺序可以不同），整个文件未导入。");
        }
        return new ImportSheet(rows, headerOfColumn, total);
    }

    /// The data rows, from row 2 on; can be enumerated once.
    public IEnumerable<SheetRow> Rows()
    {
        var rowNumber = 1;
        while (_rows.MoveNext())
        {
            var raw = _rows.Current;
            var cells = new Dictionary<string, object?>(_headerOfColumn.Count);
            foreach (var (column, header) in _headerOfColumn)
                cells[header] = raw.TryGetValue(column, out var v) ? v : null;
            yield return new SheetRow(++rowNumber, cells);
        }
    }

    public void Dispose() => _rows.Dispose();
}

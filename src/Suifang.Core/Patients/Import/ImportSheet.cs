using Suifang.Core.Patients.Import.Xlsx;

namespace Suifang.Core.Patients.Import;

/// One data row of the sheet: its Excel row number and its cells by column header.
internal sealed record SheetRow(int RowNumber, IReadOnlyDictionary<string, object?> Cells)
{
    public object? this[string header] => Cells.GetValueOrDefault(header);

    public bool IsEmpty => Cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)));
}

/// The file was refused as a whole (not an xlsx, no header row, required columns missing).
public sealed class ImportFileRefusedException(string message) : Exception(message);

/// Streams the first sheet of an xlsx row by row in one pass (XlsxSheetReader reads the XML forward, never the
/// whole sheet): row 1 holds the headers; the rows below are data.
internal sealed class ImportSheet : IDisposable
{
    private readonly XlsxSheetReader _reader;
    private readonly IEnumerator<XlsxRow> _rows;
    private readonly (int Column, string Header)[] _columns;

    private ImportSheet(XlsxSheetReader reader, IEnumerator<XlsxRow> rows, (int Column, string Header)[] columns)
    {
        (_reader, _rows, _columns) = (reader, rows, columns);
        TotalRows = reader.DeclaredRows is { } count ? Math.Max(0, count - 1) : null;
    }

    /// Data rows the sheet declares (its dimension), for the progress bar; null when the file does not say.
    public int? TotalRows { get; }

    public IReadOnlyCollection<string> Headers => _columns.Select(c => c.Header).ToList();

    public static ImportSheet Open(Stream stream)
    {
        if (!stream.CanSeek)
            throw new ArgumentException("An xlsx is a zip read from its end: pass a seekable stream.", nameof(stream));
        XlsxSheetReader? reader = null;
        IEnumerator<XlsxRow>? rows = null;
        XlsxRow? header;
        try
        {
            reader = XlsxSheetReader.Open(stream);
            rows = reader.Rows().GetEnumerator();
            header = rows.MoveNext() ? rows.Current : null;
        }
        // The zip and XML readers throw many types for a file that is not an xlsx; all mean the same to a nurse.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            rows?.Dispose();
            reader?.Dispose();
            throw new ImportFileRefusedException(
                "文件无法读取：它不是有效的 Excel（.xlsx）文件，或文件已损坏。请在 Excel 中打开后“另存为 Excel 工作簿（*.xlsx）”，或下载导入模板重新填写。");
        }
        try
        {
            return new ImportSheet(reader, rows, HeaderColumns(header));
        }
        catch
        {
            rows.Dispose();
            reader.Dispose();
            throw;
        }
    }

    private static (int Column, string Header)[] HeaderColumns(XlsxRow? header)
    {
        if (header is null || header.Cells.All(v => string.IsNullOrWhiteSpace(CellValues.Text(v))))
            throw new ImportFileRefusedException("文件第 1 行没有列标题：请使用导入模板，第 1 行是“姓名”“手机号”等列名，数据从第 2 行开始。");
        var columns = new List<(int Column, string Header)>();
        for (var i = 0; i < header.Cells.Length; i++)
            if (ImportColumns.Match(CellValues.Text(header.Cells[i])) is { } match && columns.All(c => c.Header != match.Header))
                columns.Add((i, match.Header));
        var missing = ImportColumns.RequiredColumns.Select(c => c.Header).Where(h => columns.All(c => c.Header != h)).ToList();
        if (missing.Count > 0)
            throw new ImportFileRefusedException(
                $"文件缺少必填列：{string.Join("、", missing)}。请下载导入模板，按模板第 1 行的列名填写（列的顺序可以不同），整个文件未导入。");
        return columns.ToArray();
    }

    /// The data rows, from row 2 on; can be enumerated once.
    public IEnumerable<SheetRow> Rows()
    {
        while (_rows.MoveNext())
        {
            var row = _rows.Current;
            var cells = new Dictionary<string, object?>(_columns.Length);
            foreach (var (column, header) in _columns)
                cells[header] = column < row.Cells.Length ? row.Cells[column] : null;
            yield return new SheetRow(row.Number, cells);
        }
    }

    public void Dispose()
    {
        _rows.Dispose();
        _reader.Dispose();
    }
}

namespace Suifang.Web.Patients;

/// The uploaded file, kept in a temporary file while it is imported: the importer reads it twice
/// (size, then rows) and never holds the whole file in memory. The file is deleted on dispose.
internal sealed class ImportUpload : IAsyncDisposable
{
    private ImportUpload(FileStream stream) => Stream = stream;

    public FileStream Stream { get; }

    public static bool IsXlsx(string fileName) => Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static string WrongType(string fileName) =>
        $"“{fileName}”不是 .xlsx 文件。只能导入 Excel 工作簿（.xlsx）：旧版 .xls 或 .csv 请在 Excel 中“另存为 Excel 工作簿”，或下载导入模板填写。";

    public static string TooLarge(long bytes) =>
        $"文件有 {bytes / 1048576.0:F1} MB，超过 {PatientImportEndpoints.MaxFileBytes / 1048576} MB 的上限。请把数据拆成几个文件分别导入（每个文件 10 万行以内）。";

    public static async Task<ImportUpload> ToTempFileAsync(Stream upload, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"suifang-import-{Guid.NewGuid():N}.xlsx");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (upload)
            await upload.CopyToAsync(stream, ct);
        stream.Position = 0;
        return new ImportUpload(stream);
    }

    public async ValueTask DisposeAsync() => await Stream.DisposeAsync();
}

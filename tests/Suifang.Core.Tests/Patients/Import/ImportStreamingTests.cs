using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Patients.Import;
using Suifang.Testing;
using static Suifang.Core.Tests.Patients.Import.ImportFixture;

namespace Suifang.Core.Tests.Patients.Import;

public sealed class ImportStreamingTests
{
    private static IEnumerable<Dictionary<string, object?>> Generated(int rows) =>
        Enumerable.Range(0, rows).Select(i => With(Row($"患者{(char)('甲' + i % 10)}", $"139{i:D8}", $"ZY{i:D6}"), ImportColumns.Age, 40 + i % 50));

    [Theory, ClassData(typeof(Providers))]
    public async Task A_large_file_is_written_in_batches_with_progress(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        using var file = Sheet(Generated(3_000));
        var reports = new List<ImportProgress>();

        var result = await f.ImportAsync(file, progress: new SyncProgress(reports.Add), batchSize: 500);

        Assert.Equal((3_000, 3_000, 0), (result.Job.ImportedPatients, result.Job.TotalRows, result.Job.RejectedRows));
        Assert.Contains(reports, r => r.RowsRead == 1_500 && r.TotalRows == 3_000);
        Assert.Equal(3_000, reports[^1].RowsRead);
        Assert.True(reports.Select(r => r.RowsRead).SequenceEqual(reports.Select(r => r.RowsRead).Order()));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_stop_midway_keeps_the_committed_batches_and_marks_the_job_failed(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        using var file = Sheet(Generated(2_000));
        using var stop = new CancellationTokenSource();

        var result = await f.ImportAsync(file, progress: new SyncProgress(p => { if (p.RowsRead >= 1_000) stop.Cancel(); }), batchSize: 400, ct: stop.Token);

        Assert.Equal(JobStatus.Failed, result.Job.Status);
        Assert.Contains("已保存", result.Job.FailureMessage);
        await using var db = f.Database.NewContext();
        var job = await db.ImportJobs.SingleAsync();
        var patients = await db.Patients.CountAsync();
        Assert.Equal(0, patients % 400);
        Assert.Equal((JobStatus.Failed, patients), (job.Status, job.ImportedPatients));
        Assert.InRange(patients, 800, 1_200);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_template_example_rows_import_as_they_are(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        using var template = new MemoryStream();
        ImportWorkbooks.WriteTemplate(template);

        var result = await f.ImportAsync(template);

        Assert.Empty(result.Rejected);
        Assert.Equal((2, 2), (result.Job.ImportedPatients, result.Job.ImportedEncounters));
        template.Position = 0;
        Assert.Equal(["患者", "填写说明"], MiniExcelLibs.MiniExcel.GetSheetNames(template));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Rejected_rows_export_with_their_values_and_import_once_fixed(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        using var file = Sheet([Row(), With(Row("李四", "13900001111", "ZY002"), ImportColumns.Phone, "1390000")]);
        var first = await f.ImportAsync(file);

        using var export = new MemoryStream();
        ImportWorkbooks.WriteRejectedRows(export, first.Rejected, Protector);
        export.Position = 0;
        var line = (IDictionary<string, object?>)MiniExcelLibs.MiniExcel.Query(export, useHeaderRow: true).Single();
        Assert.Equal(3.0, line["原行号"]);
        Assert.Equal("1390000", line[ImportColumns.Phone]);
        Assert.Equal("李四", line[ImportColumns.Name]);

        var fixedRows = MiniExcelLibs.MiniExcel.Query(export, useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => new Dictionary<string, object?>(r) { [ImportColumns.Phone] = "13900001111" });
        var second = await f.ImportAsync(Sheet(fixedRows));
        Assert.Equal((1, 0), (second.Job.ImportedPatients, second.Job.RejectedRows));
    }

    [Fact]
    public void Dates_are_read_from_excel_dates_and_common_text_forms()
    {
        var errors = new List<Suifang.Core.Patients.Writing.FieldError>();
        Assert.Equal(new DateTime(2026, 11, 3, 9, 30, 0), CellValues.Date("2026/11/3 09:30", "x", errors));
        Assert.Equal(new DateTime(2026, 11, 3), CellValues.Date("2026-11-03", "x", errors));
        Assert.Equal(new DateTime(2026, 11, 3), CellValues.Date("2026年11月3日", "x", errors));
        Assert.Equal(new DateTime(2026, 11, 3, 12, 0, 0), CellValues.Date(46329.5, "x", errors));
        Assert.Empty(errors);
        Assert.Null(CellValues.Date("上周三", "出院时间", errors));
        Assert.Contains("2026-11-03", Assert.Single(errors).Message);
    }

    /// Progress<T> posts to the thread pool; the tests want every report in order.
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

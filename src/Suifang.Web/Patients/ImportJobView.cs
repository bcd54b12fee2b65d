using Suifang.Core.Patients.Import;

namespace Suifang.Web.Patients;

public sealed record ImportErrorView(int Row, string Column, string Reason);

/// What the API and the page show of an import: counts, status in Chinese, and one line per reason.
public sealed record ImportJobView(
    Guid Id, string FileName, string UserName, string Status, DateTime StartedAt, DateTime? FinishedAt,
    int TotalRows, int ImportedPatients, int ImportedEncounters, int DuplicateRows, int UpdatedRows, int RejectedRows,
    string? FailureMessage, IReadOnlyList<ImportErrorView> Rejected)
{
    public static ImportJobView From(ImportJob job, IReadOnlyList<RejectedRow>? rejected = null) => new(
        job.Id, job.FileName, job.UserName, StatusText(job.Status), job.StartedAt, job.FinishedAt,
        job.TotalRows, job.ImportedPatients, job.ImportedEncounters, job.DuplicateRows, job.UpdatedRows, job.RejectedRows,
        job.FailureMessage,
        (rejected ?? RejectedRowsJson.Deserialize(job.RejectedDetails))
            .SelectMany(r => r.Errors.Select(e => new ImportErrorView(r.Row, e.Column, e.Reason))).ToList());

    public static string StatusText(JobStatus status) => status switch
    {
        JobStatus.Running => "导入中",
        JobStatus.Completed => "已完成",
        _ => "未完成",
    };
}

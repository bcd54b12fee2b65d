using Suifang.Core.Patients.HisSync;
using Suifang.Core.Patients.Import;

namespace Suifang.Web.His;

/// A sync run as the API and the page show it (public: a component parameter type).
public sealed record HisRunView(
    Guid Id,
    string Source,
    string Trigger,
    string Status,
    DateTime StartedAt,
    DateTime? FinishedAt,
    DateTime? SinceWatermark,
    DateTime? ReachedWatermark,
    int PatientsCreated,
    int PatientsUpdated,
    int EncountersCreated,
    int EncountersUpdated,
    int RejectedResources,
    string? FailureMessage,
    IReadOnlyList<HisRejection>? Rejected,
    HisRunProgressView? Progress)
{
    public static HisRunView From(HisSyncRun r, bool withRejected, HisSyncProgress? progress) => new(
        r.Id, r.Source, r.Trigger, StatusText(r.Status), r.StartedAt, r.FinishedAt, r.SinceWatermark, r.ReachedWatermark,
        r.PatientsCreated, r.PatientsUpdated, r.EncountersCreated, r.EncountersUpdated, r.RejectedResources, r.FailureMessage,
        withRejected ? HisSyncTally.ReadRejected(r.RejectedDetails) : null,
        r.Status == JobStatus.Running && progress?.RunId == r.Id ? HisRunProgressView.From(progress) : null);

    public static string StatusText(JobStatus status) => status switch
    {
        JobStatus.Running => "进行中",
        JobStatus.Completed => "已完成",
        _ => "失败",
    };
}

public sealed record HisRunProgressView(int Batches, int Received, int? ExpectedTotal, double? Percent, int PatientsCreated, int EncountersCreated, int Rejected)
{
    public static HisRunProgressView From(HisSyncProgress p) =>
        new(p.Batches, p.Received, p.ExpectedTotal, p.Percent is { } x ? Math.Round(x, 1) : null, p.PatientsCreated, p.EncountersCreated, p.Rejected);
}

/// Where the HIS connection stands: the source, how far it has synced, when it runs next, what runs now.
internal sealed record HisStatusView(string Source, string Description, DateTime? Watermark, string PullCron, DateTime? NextScheduledRun, Guid? RunningRunId);

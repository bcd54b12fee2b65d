namespace Suifang.Core.Patients.HisSync;

public static class HisSyncTriggers
{
    public const string Scheduled = "定时";
    public const string Manual = "手动";
}

/// Where a running sync is: what it has received and written so far.
public sealed record HisSyncProgress(
    Guid RunId,
    int Batches,
    int Received,
    int? ExpectedTotal,
    int PatientsCreated,
    int EncountersCreated,
    int Rejected,
    DateTime? Watermark)
{
    /// 0–100 when the source said how much to expect; null otherwise.
    public double? Percent => ExpectedTotal is > 0 and var total ? Math.Min(100, 100.0 * Received / total) : null;
}

/// A second run was asked for while one is running.
public sealed class HisSyncBusyException(Guid runningRunId, DateTime startedAt)
    : Exception($"HIS 同步正在进行中（{startedAt:yyyy-MM-dd HH:mm} 开始），请等它完成后再试。")
{
    public Guid RunningRunId { get; } = runningRunId;
}

using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Patients.HisSync;

/// The hospital information system as the sync needs it: everything that changed after a watermark,
/// in batches, each batch with the watermark to resume from once it is stored.
public interface IHisSource
{
    /// Names the source in HisSyncRun.Source, so that each source keeps its own watermark.
    string Key { get; }

    /// What staff see on the HIS page, e.g. "演示 HIS" or the FHIR server's address.
    string Description { get; }

    /// Batches in watermark order. A failure that should end the run throws HisSourceException.
    IAsyncEnumerable<HisBatch> PullSinceAsync(DateTime watermark, CancellationToken ct);
}

/// One batch: the records read (each with the resource it came from), what the source could not map,
/// and the watermark reached when this batch is stored. Times are hospital local time.
public sealed record HisBatch(IReadOnlyList<HisItem> Items, IReadOnlyList<HisRejection> Rejected, DateTime Watermark)
{
    /// How many items the whole pull is expected to bring, when the source knows it (for the progress bar).
    public int? ExpectedTotal { get; init; }
}

public sealed record HisItem(string Resource, PatientRecord Record);

/// A resource the sync could not take, and why, in Chinese.
public sealed record HisRejection(string Resource, string Reason);

/// The source cannot go on (server down, access refused...); Message says so in Chinese.
public sealed class HisSourceException(string message, Exception? inner = null) : Exception(message, inner);

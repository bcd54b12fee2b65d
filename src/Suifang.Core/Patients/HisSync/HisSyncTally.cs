using System.Text.Encodings.Web;
using System.Text.Json;
using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Patients.HisSync;

/// What a run has committed so far. Immutable: a batch that fails to commit leaves the tally as it was.
internal sealed record HisSyncTally(Guid RunId)
{
    /// The run keeps the first rejections in full; RejectedResources counts them all.
    public const int MaxRejectedDetails = 2000;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public int Batches { get; private init; }
    public int Received { get; private init; }
    public int? ExpectedTotal { get; private init; }
    public int PatientsCreated { get; private init; }
    public int PatientsUpdated { get; private init; }
    public int EncountersCreated { get; private init; }
    public int EncountersUpdated { get; private init; }
    public int Rejected { get; private init; }
    public IReadOnlyList<HisRejection> RejectedDetails { get; private init; } = [];
    public DateTime? Watermark { get; private init; }

    public HisSyncTally With(HisBatch batch, IReadOnlyList<RowOutcome> outcomes, IReadOnlyList<HisRejection> rejected) => this with
    {
        Batches = Batches + 1,
        Received = Received + batch.Items.Count + batch.Rejected.Count,
        ExpectedTotal = batch.ExpectedTotal ?? ExpectedTotal,
        PatientsCreated = PatientsCreated + outcomes.Count(o => o.PatientOutcome == WriteOutcome.Created),
        PatientsUpdated = PatientsUpdated + outcomes.Count(o => o.PatientOutcome == WriteOutcome.Updated),
        EncountersCreated = EncountersCreated + outcomes.Count(o => o.EncounterOutcome == WriteOutcome.Created),
        EncountersUpdated = EncountersUpdated + outcomes.Count(o => o.EncounterOutcome == WriteOutcome.Updated),
        Rejected = Rejected + rejected.Count,
        RejectedDetails = RejectedDetails.Count >= MaxRejectedDetails
            ? RejectedDetails
            : RejectedDetails.Concat(rejected).Take(MaxRejectedDetails).ToList(),
        Watermark = Watermark is { } w && w > batch.Watermark ? w : batch.Watermark,
    };

    public void CopyTo(HisSyncRun run)
    {
        run.PatientsCreated = PatientsCreated;
        run.PatientsUpdated = PatientsUpdated;
        run.EncountersCreated = EncountersCreated;
        run.EncountersUpdated = EncountersUpdated;
        run.RejectedResources = Rejected;
        run.RejectedDetails = RejectedDetails.Count == 0 ? null : JsonSerializer.Serialize(RejectedDetails, Json);
        run.ReachedWatermark = Watermark;
    }

    public HisSyncProgress Progress() =>
        new(RunId, Batches, Received, ExpectedTotal, PatientsCreated, EncountersCreated, Rejected, Watermark);

    public string Summary(bool completed) =>
        $"HIS 同步{(completed ? "完成" : "失败")}：收到 {Received} 条，新建患者 {PatientsCreated} 人、更新 {PatientsUpdated} 人，"
        + $"新建就诊 {EncountersCreated} 次、更新 {EncountersUpdated} 次，未能接收 {Rejected} 条。";

    public static IReadOnlyList<HisRejection> ReadRejected(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<HisRejection>>(json, Json) ?? [];
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Suifang.Core.Data;
using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

/// A critical lab result reported by HIS (a FHIR Observation whose interpretation is critical: AA, LL, HH, "critical").
public sealed record CriticalLab(string HisPatientId, string ObservationId, string Code, string Name, string Value, string? Unit,
    string Interpretation, DateTime IssuedAt);

/// A HIS that reports critical lab results (the FHIR source reads Observations, the demo HIS makes some up).
public interface ICriticalLabSource
{
    IAsyncEnumerable<IReadOnlyList<CriticalLab>> PullCriticalLabsSinceAsync(DateTime watermark, CancellationToken ct);
}

/// 危急值 from HIS (7.2.5.1 a): each critical lab becomes a CriticalValue to-do of the patient's department, Critical
/// urgency, rule key "critical:<code>"; the same observation pulled again raises nothing. Labs of patients Suifang
/// does not know are returned (the HIS page shows them).
public static class CriticalLabIntake
{
    public const string Source = "his";

    public static async Task<(int Raised, List<CriticalLab> UnknownPatients)> RaiseAsync(SuifangDbContext db, int hospitalId,
        IReadOnlyList<CriticalLab> labs, DateTime now, CancellationToken ct)
    {
        var unknown = new List<CriticalLab>();
        var raised = 0;
        foreach (var lab in labs)
        {
            var patient = await db.Patients.AsNoTracking().Where(p => p.HospitalId == hospitalId && p.HisPatientId == lab.HisPatientId)
                .Select(p => new { p.Id, Department = p.Encounters.OrderByDescending(e => e.VisitAt).Select(e => (int?)e.DepartmentId).FirstOrDefault() })
                .FirstOrDefaultAsync(ct);
            if (patient?.Department is not { } department)
            {
                unknown.Add(lab);
                continue;
            }
            var evidence = EvidenceOf(lab);
            var ruleKey = CriticalValues.RuleKeyOf(lab.Code);
            if (db.Todos.Local.Any(t => t.Evidence == evidence)
                || await db.Todos.AnyAsync(t => t.PatientId == patient.Id && t.RuleKey == ruleKey && t.Evidence == evidence, ct))
                continue;
            db.Todos.Add(new TodoItem
            {
                HospitalId = hospitalId, DepartmentId = department, PatientId = patient.Id, Kind = TodoKind.CriticalValue,
                Urgency = TodoUrgency.Critical, Reason = Clip($"HIS 危急值：{lab.Name} {lab.Value}{(lab.Unit is null ? "" : " " + lab.Unit)}（{lab.Interpretation}），请立即联系患者并通知医生", 500),
                Evidence = evidence, Source = Source, CreatedAt = now, RuleKey = Clip(ruleKey, 128),
            });
            raised++;
        }
        await db.SaveChangesAsync(ct);
        return (raised, unknown);
    }

    /// Pulls the critical labs reported since the watermark (after the patients, so that today's patients are known)
    /// and raises their to-dos; a failure here is logged and leaves the patient sync as it was.
    public static async Task PullAsync(ICriticalLabSource source, IDbContextFactory<SuifangDbContext> dbFactory, int hospitalId,
        DateTime since, Common.HospitalClock clock, ILogger log, CancellationToken ct)
    {
        try
        {
            await foreach (var batch in source.PullCriticalLabsSinceAsync(since, ct).WithCancellation(ct))
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var (_, unknown) = await RaiseAsync(db, hospitalId, batch, clock.Now, ct);
                foreach (var lab in unknown)
                    log.LogWarning("Critical lab {Observation} of unknown HIS patient {Patient}", lab.ObservationId, lab.HisPatientId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Critical labs not pulled from HIS");
        }
    }

    /// Names the observation, so that pulling it again is recognised.
    public static string EvidenceOf(CriticalLab lab) =>
        Clip($"检验报告 {lab.IssuedAt:yyyy-MM-dd HH:mm}：{lab.Name} {lab.Value}{(lab.Unit is null ? "" : " " + lab.Unit)}（HIS {lab.ObservationId}）", 1000);

    private static string Clip(string s, int n) => s.Length > n ? s[..n] : s;
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients;

namespace Suifang.Core.Sms;

/// Who a mass sending goes to: patients of the staff member's departments with an encounter that matches.
public sealed record SmsAudience(int? DepartmentId, string? DiagnosisCode, DateOnly? DischargedFrom, DateOnly? DischargedTo);

public sealed record SmsMassRequest(string Title, SmsPurpose Purpose, string Template, SmsAudience Audience,
    IReadOnlyDictionary<string, string> Values, string? ProviderCode = null);

public sealed record SmsBatchProgress(long BatchId, int Recipients, int Created, int Queued, int Sent, int Delivered, int Failed, int Blocked)
{
    /// Settled for the progress bar: handed over or decided (sent, delivered, failed, blocked).
    public int Done => Sent + Delivered + Failed + Blocked;
    public bool Finished => Created >= Recipients && Queued == 0;
}

/// 群发 (health education, review reminders): the audience by department, diagnosis and discharge dates, one message
/// per patient through the outbox (opt-out, caps and quiet hours apply to each), sent by the rate-limited sender.
public static class SmsMassSend
{
    public const int MaxRecipients = 5000;

    public static IQueryable<Patient> Audience(SuifangDbContext db, StaffScope scope, SmsAudience a)
    {
        var encounters = db.Encounters.VisibleTo(scope).Where(e => e.DeletedAt == null);
        if (a.DepartmentId is { } d)
            encounters = encounters.Where(e => e.DepartmentId == d);
        if (!string.IsNullOrWhiteSpace(a.DiagnosisCode))
        {
            var code = a.DiagnosisCode.Trim().ToUpperInvariant();
            encounters = encounters.Where(e => e.PrimaryDiagnosisCode.StartsWith(code));
        }
        if (a.DischargedFrom is { } from)
        {
            var f = from.ToDateTime(TimeOnly.MinValue);
            encounters = encounters.Where(e => e.DischargeAt >= f);
        }
        if (a.DischargedTo is { } to)
        {
            var t = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
            encounters = encounters.Where(e => e.DischargeAt < t);
        }
        var ids = encounters.Select(e => e.PatientId);
        return db.Patients.Where(p => p.HospitalId == scope.HospitalId && p.DeletedAt == null && ids.Contains(p.Id));
    }

    public static Task<int> CountAsync(SuifangDbContext db, StaffScope scope, SmsAudience a, CancellationToken ct) =>
        Audience(db, scope, a).CountAsync(ct);

    /// Checks the request, stores the batch (audited) and returns it with its recipients; null and the reason when refused.
    public static async Task<(SmsBatch? Batch, List<(long Id, string Name)> Recipients, string? Error)> CreateAsync(
        SuifangDbContext db, StaffScope scope, SmsMassRequest request, DateTime now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Title))
            return (null, [], "请填写群发的标题，例如“12月高血压复诊提醒”。");
        var check = SmsTemplateCheck.Check(request.Template, request.Purpose);
        if (!check.CanSave)
            return (null, [], string.Join(" ", check.Findings.Where(f => f.Level == SmsCheckLevel.Error).Select(f => f.Message)));
        var recipients = await Audience(db, scope, request.Audience).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name })
            .Take(MaxRecipients + 1).ToListAsync(ct);
        if (recipients.Count == 0)
            return (null, [], "没有符合条件的患者，请放宽科室、诊断或出院日期。");
        if (recipients.Count > MaxRecipients)
            return (null, [], $"一次最多群发 {MaxRecipients} 人，请缩小出院日期范围后分批发送。");
        var batch = new SmsBatch
        {
            HospitalId = scope.HospitalId, Title = request.Title.Trim(), Purpose = request.Purpose, Text = request.Template.Trim(),
            FilterSummary = Describe(request.Audience), Recipients = recipients.Count, CreatedAt = now, CreatedBy = scope.UserName,
        };
        db.SmsBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        db.Actor = scope.Actor;
        db.AuditEvent(AuditActions.Create, "SmsBatch", batch.Id.ToString(), $"短信群发“{batch.Title}”：{recipients.Count} 人；{batch.FilterSummary}");
        await db.SaveChangesAsync(ct);
        return (batch, recipients.Select(r => (r.Id, r.Name)).ToList(), null);
    }

    /// One message per recipient through the outbox; the outbox's rate limit and sender pace the hand-overs.
    public static async Task EnqueueAsync(ISmsOutbox outbox, SmsBatch batch, IEnumerable<(long Id, string Name)> recipients,
        IReadOnlyDictionary<string, string> values, string? providerCode, CancellationToken ct)
    {
        foreach (var (id, name) in recipients)
        {
            var all = new Dictionary<string, string>(values) { [SmsTemplateText.PatientName] = name };
            var (text, _) = SmsTemplateText.Fill(batch.Text, all);
            var parameters = SmsTemplateText.Ordered(batch.Text, all).ToDictionary(p => p.Key, p => p.Value);
            await outbox.SendAsync(new SmsSend(batch.HospitalId, id, text, batch.Purpose, $"batch:{batch.Id}:{id}",
                TemplateCode: providerCode, Parameters: parameters, BatchId: batch.Id), ct);
        }
    }

    public static async Task<SmsBatchProgress> ProgressAsync(SuifangDbContext db, long batchId, CancellationToken ct)
    {
        var recipients = await db.SmsBatches.Where(b => b.Id == batchId).Select(b => b.Recipients).FirstOrDefaultAsync(ct);
        var counts = await db.SmsMessages.Where(m => m.BatchId == batchId).GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int Of(SmsSendStatus s) => counts.GetValueOrDefault(s);
        return new(batchId, recipients, counts.Values.Sum(), Of(SmsSendStatus.Queued), Of(SmsSendStatus.Sent),
            Of(SmsSendStatus.Delivered), Of(SmsSendStatus.Failed), Of(SmsSendStatus.Blocked));
    }

    private static string Describe(SmsAudience a)
    {
        var parts = new List<string>();
        if (a.DepartmentId is { } d) parts.Add($"科室 ID {d}");
        if (!string.IsNullOrWhiteSpace(a.DiagnosisCode)) parts.Add($"诊断编码 {a.DiagnosisCode.Trim().ToUpperInvariant()} 开头");
        if (a.DischargedFrom is not null || a.DischargedTo is not null) parts.Add($"出院 {a.DischargedFrom:yyyy-MM-dd}～{a.DischargedTo:yyyy-MM-dd}");
        return parts.Count == 0 ? "本人可见的全部患者" : string.Join("；", parts);
    }
}

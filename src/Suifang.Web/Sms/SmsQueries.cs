using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Sms;

namespace Suifang.Web.Sms;

public sealed record SmsRow(long Id, DateTime CreatedAt, long PatientId, string PatientName, string PhoneMasked, SmsPurpose Purpose,
    SmsSendStatus Status, string Detail, string Text, int Attempts, int Segments, string? Provider, DateTime? NextAttemptAt, long? BatchId);

public sealed record SmsFilter(SmsSendStatus? Status = null, SmsPurpose? Purpose = null, string? Patient = null, long? PatientId = null,
    long? BatchId = null, int Page = 1);

public sealed record SmsHistoryRow(DateTime At, SmsSendStatus Status, string Detail);

/// The outbox as one staff member sees it: messages to patients of their departments, numbers masked.
internal static class SmsQueries
{
    public const int PageSize = 50;

    public static async Task<(List<SmsRow> Rows, int Total)> ListAsync(SuifangDbContext db, StaffScope scope, SmsFilter f, CancellationToken ct)
    {
        var visible = db.Patients.VisibleTo(scope).Select(p => p.Id);
        var q = from m in db.SmsMessages.AsNoTracking()
                join p in db.Patients on m.PatientId equals p.Id
                where m.HospitalId == scope.HospitalId && visible.Contains(m.PatientId)
                select new { m, p.Name };
        if (f.Status is { } s) q = q.Where(x => x.m.Status == s);
        if (f.Purpose is { } pu) q = q.Where(x => x.m.Purpose == pu);
        // A patient's messages are the ones sent to them, not the duty nurse's alerts about them.
        if (f.PatientId is { } pid) q = q.Where(x => x.m.PatientId == pid && x.m.RecipientUserId == null);
        if (f.BatchId is { } b) q = q.Where(x => x.m.BatchId == b);
        if (!string.IsNullOrWhiteSpace(f.Patient)) q = q.Where(x => x.Name.StartsWith(f.Patient.Trim()));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.m.CreatedAt).ThenByDescending(x => x.m.Id)
            .Skip((Math.Max(f.Page, 1) - 1) * PageSize).Take(PageSize)
            .Select(x => new SmsRow(x.m.Id, x.m.CreatedAt, x.m.PatientId, x.Name, x.m.PhoneMasked, x.m.Purpose, x.m.Status, x.m.Detail,
                x.m.Text, x.m.Attempts, x.m.Segments, x.m.Provider, x.m.NextAttemptAt, x.m.BatchId))
            .ToListAsync(ct);
        return (rows, total);
    }

    /// The status history of one message, or null when it is not the staff member's to see.
    public static async Task<List<SmsHistoryRow>?> HistoryAsync(SuifangDbContext db, StaffScope scope, long id, CancellationToken ct)
    {
        var visible = db.Patients.VisibleTo(scope).Select(p => p.Id);
        if (!await db.SmsMessages.AnyAsync(m => m.Id == id && m.HospitalId == scope.HospitalId && visible.Contains(m.PatientId), ct))
            return null;
        return await db.SmsStatusChanges.AsNoTracking().Where(h => h.MessageId == id).OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new SmsHistoryRow(h.At, h.Status, h.Detail)).ToListAsync(ct);
    }

    /// 患者数据访问留痕: who looked at which messages.
    public static async Task AuditViewAsync(SuifangDbContext db, StaffScope scope, string what, long? patientId, CancellationToken ct)
    {
        db.Actor = scope.Actor;
        db.AuditEvent(AuditActions.View, "SmsMessage", patientId?.ToString(), what);
        await db.SaveChangesAsync(ct);
    }
}

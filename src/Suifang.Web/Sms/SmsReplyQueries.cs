using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Sms;

namespace Suifang.Web.Sms;

public sealed record SmsReplyRow(long Id, DateTime ReceivedAt, long? PatientId, string? PatientName, string PhoneMasked, string Text,
    SmsReplyKind Kind, string Outcome, long? TodoId, string Provider);

/// The SMS inbox as one staff member sees it: replies of patients of their departments (numbers masked); replies from
/// numbers no patient has are shown to administrators only, to check the number.
internal static class SmsReplyQueries
{
    public const int PageSize = 50;

    public static async Task<(List<SmsReplyRow> Rows, int Total)> ListAsync(SuifangDbContext db, StaffScope scope, long? patientId,
        SmsReplyKind? kind, int page, CancellationToken ct)
    {
        var visible = db.Patients.VisibleTo(scope).Select(p => p.Id);
        var admin = scope.Roles.Contains(Roles.Admin);
        var q = from r in db.SmsReplies.AsNoTracking()
                join p in db.Patients on r.PatientId equals p.Id into ps
                from p in ps.DefaultIfEmpty()
                where (r.HospitalId == scope.HospitalId && r.PatientId != null && visible.Contains(r.PatientId!.Value))
                      || (admin && patientId == null && r.PatientId == null)
                select new { r, Name = p == null ? null : p.Name };
        if (patientId is { } pid)
            q = q.Where(x => x.r.PatientId == pid);
        if (kind is { } k)
            q = q.Where(x => x.r.Kind == k);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.r.ReceivedAt).ThenByDescending(x => x.r.Id)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize)
            .Select(x => new SmsReplyRow(x.r.Id, x.r.ReceivedAt, x.r.PatientId, x.Name, x.r.PhoneMasked, x.r.Text, x.r.Kind, x.r.Outcome, x.r.TodoId, x.r.Provider))
            .ToListAsync(ct);
        return (rows, total);
    }

    public static string KindName(SmsReplyKind kind) => kind switch
    {
        SmsReplyKind.OptOut => "退订",
        SmsReplyKind.WantsToTalk => "希望联系",
        SmsReplyKind.Symptom => "诉不适",
        _ => "其他回复",
    };
}

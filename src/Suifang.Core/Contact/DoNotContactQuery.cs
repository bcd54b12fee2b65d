using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Security;

namespace Suifang.Core.Contact;

public sealed record DoNotContactView(long Id, long? PatientId, string? PatientName, string? PhoneMasked, string Reason,
    DateTime AddedAt, string AddedBy, DateTime? RemovedAt, string? RemovedBy, string? RemovedReason);

/// The do-not-call list as one staff member sees it: number entries (masked) and the entries of patients in their
/// departments. Search by a name (beginning), a full number (matched through the keyed index) or the last four digits.
public static class DoNotContactQuery
{
    public const int PageSize = 200;

    public static async Task<List<DoNotContactView>> RunAsync(SuifangDbContext db, SensitiveDataProtector protector, StaffScope scope,
        string? search, bool includeRemoved, CancellationToken ct = default)
    {
        var visible = db.Patients.VisibleTo(scope).Select(p => p.Id);
        var entries = db.DoNotContacts.AsNoTracking()
            .Where(d => d.HospitalId == scope.HospitalId && (includeRemoved || d.RemovedAt == null)
                && (d.PatientId == null || visible.Contains(d.PatientId.Value)));
        var q = (search ?? "").Trim();
        var digits = ContactNumbers.NormalizePhone(q);
        if (q.Length > 0 && digits.Length == q.Replace("-", "").Replace(" ", "").Length && ContactNumbers.IsValidPhone(digits))
        {
            var index = protector.IndexOf(SensitiveKind.Phone, digits);
            entries = entries.Where(d => d.PhoneIndex == index || db.Patients.Any(p => p.Id == d.PatientId && p.PhoneIndex == index));
        }
        else if (q.Length == 4 && q.All(char.IsAsciiDigit))
            entries = entries.Where(d => (d.PhoneMasked != null && d.PhoneMasked.EndsWith(q))
                || db.Patients.Any(p => p.Id == d.PatientId && p.PhoneLast4 == q));
        else if (q.Length > 0)
            entries = entries.Where(d => db.Patients.Any(p => p.Id == d.PatientId && p.Name.StartsWith(q)));

        return await (from d in entries
                      join p in db.Patients on d.PatientId equals p.Id into patient
                      from p in patient.DefaultIfEmpty()
                      orderby d.RemovedAt != null, d.AddedAt descending, d.Id descending
                      select new DoNotContactView(d.Id, d.PatientId, p == null ? null : p.Name, d.PhoneMasked ?? (p == null ? null : p.PhoneMasked),
                          d.Reason, d.AddedAt, d.AddedBy, d.RemovedAt, d.RemovedBy, d.RemovedReason))
            .Take(PageSize).ToListAsync(ct);
    }
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.ListPatients;

/// Filters on the patient: name prefix, full phone (patient or family, through the keyed index) or last 4 digits.
internal static class PatientFilters
{
    /// Either the ids of the few matching patients (read through their index), or, when many match (a common surname),
    /// a test per encounter for a scan newest first, which finds a page quickly because matches are dense.
    public static async Task<(IReadOnlyList<long>? Ids, Expression<Func<Encounter, bool>>? Scanned)> ResolveAsync(
        SuifangDbContext db, SensitiveDataProtector protector, StaffScope scope, PatientListQuery query, CancellationToken ct)
    {
        var name = Prefix.Of(query.Name);
        var digits = PatientListQuery.Digits(query.Phone);
        var last4 = query.IsLastFourDigits ? digits : null;
        var index = digits is not null && last4 is null ? protector.IndexOf(SensitiveKind.Phone, digits) : null;
        if (name is null && digits is null)
            return (null, null);

        var patients = Matching(db.Patients.AsNoTracking().Where(p => p.HospitalId == scope.HospitalId), name, index, last4);
        var ids = await patients.Select(p => p.Id).Take(PatientList.PatientIdCap + 1).ToListAsync(ct);
        if (ids.Count <= PatientList.PatientIdCap)
            return (ids, null);
        return (null, e => patients.Any(p => p.Id == e.PatientId));
    }

    private static IQueryable<Patient> Matching(IQueryable<Patient> patients, Prefix? name, string? index, string? last4)
    {
        if (name is { } n)
            patients = patients.Where(p => p.Name.CompareTo(n.Low) >= 0 && p.Name.CompareTo(n.High) < 0);
        if (index is not null)
            patients = patients.Where(p => p.PhoneIndex == index || p.FamilyPhoneIndex == index);
        if (last4 is not null)
            patients = patients.Where(p => p.PhoneLast4 == last4);
        return patients;
    }
}

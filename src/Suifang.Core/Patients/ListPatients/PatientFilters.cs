using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.ListPatients;

/// Filters on the patient: name prefix, full phone (patient or family, through the keyed index) or last 4 digits.
internal static class PatientFilters
{
    public static async Task<IQueryable<Encounter>> ApplyAsync(SuifangDbContext db, SensitiveDataProtector protector,
        StaffScope scope, IQueryable<Encounter> encounters, PatientListQuery query, CancellationToken ct)
    {
        var name = Prefix.Of(query.Name);
        var digits = PatientListQuery.Digits(query.Phone);
        var last4 = query.IsLastFourDigits ? digits : null;
        var index = digits is not null && last4 is null ? protector.IndexOf(SensitiveKind.Phone, digits) : null;
        if (name is null && digits is null)
            return encounters;

        var patients = db.Patients.AsNoTracking().Where(p => p.HospitalId == scope.HospitalId);
        if (name is { } n)
            patients = patients.Where(p => p.Name.CompareTo(n.Low) >= 0 && p.Name.CompareTo(n.High) < 0);
        if (index is not null)
            patients = patients.Where(p => p.PhoneIndex == index || p.FamilyPhoneIndex == index);
        if (last4 is not null)
            patients = patients.Where(p => p.PhoneLast4 == last4);

        var ids = await patients.Select(p => p.Id).Take(PatientList.PatientIdCap + 1).ToListAsync(ct);
        if (ids.Count <= PatientList.PatientIdCap)
            return encounters.Where(e => ids.Contains(e.PatientId));

        // Many patients match (a common surname): they are dense, so scanning encounters newest first finds a page quickly.
        if (name is { } wide)
            encounters = encounters.Where(e => e.Patient!.Name.CompareTo(wide.Low) >= 0 && e.Patient.Name.CompareTo(wide.High) < 0);
        if (last4 is not null)
            encounters = encounters.Where(e => e.Patient!.PhoneLast4 == last4);
        if (index is not null)
            encounters = encounters.Where(e => e.Patient!.PhoneIndex == index || e.Patient.FamilyPhoneIndex == index);
        return encounters;
    }
}

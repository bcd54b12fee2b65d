using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.UpdatePatient;

/// Edits a patient's own fields. Phone, family phone and ID number are shown masked on the form:
/// left empty, they keep what is stored; typed in, they replace it (validated and encrypted as on entry).
public sealed class UpdatePatientHandler(SuifangDbContext db, SensitiveDataProtector protector, Func<DateTime> now)
{
    public async Task<PatientCommandResult> HandleAsync(long patientId, PatientRecord record, StaffScope scope, CancellationToken ct = default)
    {
        db.Actor = scope.Actor;
        var (patient, refusal) = await PatientAccess.LoadForChangeAsync(db, patientId, scope, ct);
        if (patient is null)
            return refusal!;

        var complete = record with
        {
            Phone = Blank(record.Phone) ?? protector.Unprotect(patient.PhoneCipher),
            FamilyPhone = Blank(record.FamilyPhone) ?? (patient.FamilyPhoneCipher is { } f ? protector.Unprotect(f) : null),
            IdNumber = Blank(record.IdNumber) ?? (patient.IdNumberCipher is { } i ? protector.Unprotect(i) : null),
            Encounter = null,
        };
        var directory = await HospitalDirectory.LoadAsync(db, scope.HospitalId, ct);
        var (valid, errors) = new PatientRecordValidator(directory, now).Validate(complete);
        if (valid is null)
            return PatientCommandResult.Invalid(errors);

        Apply(patient, valid);
        if (await db.Patients.AsNoTracking().FirstOrDefaultAsync(
                x => x.HospitalId == patient.HospitalId && x.IdentityKey == patient.IdentityKey && x.Id != patient.Id, ct) is { } other)
            return PatientCommandResult.Duplicate(other.Id, other.Name);
        if (db.ChangeTracker.HasChanges())
            patient.UpdatedAt = now();
        await db.SaveChangesAsync(ct);
        return PatientCommandResult.Ok(patient.Id);
    }

    private void Apply(Patient p, ValidatedPatient v)
    {
        p.Name = v.Name;
        p.Gender = v.Gender;
        (p.BirthDate, p.BirthDateEstimated) = (v.BirthDate, v.BirthDateEstimated);
        p.HisPatientId = v.HisPatientId;
        p.CampusId = v.Campus.Id;
        p.FamilyContactName = v.FamilyContactName;
        p.FamilyRelation = v.FamilyRelation;
        // Cipher text differs on every encryption: re-encrypt only a number that really changed.
        if (protector.IndexOf(SensitiveKind.Phone, v.Phone) != p.PhoneIndex)
            p.SetPhone(protector.Protect(SensitiveKind.Phone, v.Phone));
        var family = v.FamilyPhone is null ? null : protector.IndexOf(SensitiveKind.Phone, v.FamilyPhone);
        if (family != p.FamilyPhoneIndex)
            p.SetFamilyPhone(v.FamilyPhone is null ? null : protector.Protect(SensitiveKind.Phone, v.FamilyPhone));
        var id = v.IdNumber is null ? null : protector.IndexOf(SensitiveKind.IdNumber, v.IdNumber);
        if (id != p.IdNumberIndex)
            p.SetIdNumber(v.IdNumber is null ? null : protector.Protect(SensitiveKind.IdNumber, v.IdNumber));
        p.IdentityKey = PatientIdentity.KeyOf(p.HisPatientId, p.IdNumberIndex, p.Name, p.PhoneIndex);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

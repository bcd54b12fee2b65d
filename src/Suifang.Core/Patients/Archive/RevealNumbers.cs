using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.Archive;

/// Decrypts a patient's phone, family phone and ID number for a role that calls patients; audited.
public static class RevealNumbers
{
    public static async Task<ScopedResult<RevealedNumbers>> RunAsync(
        SuifangDbContext db, SensitiveDataProtector protector, StaffScope scope, long patientId, CancellationToken ct = default)
    {
        var patient = await db.Patients.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == patientId && p.HospitalId == scope.HospitalId, ct);
        if (patient is null)
            return ScopedResult<RevealedNumbers>.NotFound;
        var visible = scope.AllDepartments || await db.Encounters.VisibleTo(scope).AnyAsync(e => e.PatientId == patientId, ct);
        if (!visible || !scope.CanRevealNumbers)
            return ScopedResult<RevealedNumbers>.Forbidden;

        var numbers = new RevealedNumbers(
            protector.Unprotect(patient.PhoneCipher),
            patient.FamilyPhoneCipher is { } family ? protector.Unprotect(family) : null,
            patient.IdNumberCipher is { } id ? protector.Unprotect(id) : null);
        db.Actor = scope.Actor;
        db.AuditEvent(AuditActions.Reveal, "Patient", patientId.ToString(), $"查看患者 {patient.Name}（ID {patientId}）的完整电话和证件号");
        await db.SaveChangesAsync(ct);
        return ScopedResult<RevealedNumbers>.Granted(numbers);
    }
}

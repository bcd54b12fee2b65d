using Suifang.Core.Security;

namespace Suifang.Core.Patients.Writing;

/// A validated row with its numbers already encrypted and indexed. The cipher and the search index are
/// computed once (Protect yields both), and a caller with a spare thread (the Excel import's reader) can
/// prepare rows there, so that the thread writing to the database does no cryptography.
public sealed class PreparedRow
{
    public PreparedRow(ValidatedPatient patient, SensitiveDataProtector protector)
    {
        Patient = patient;
        Phone = protector.Protect(SensitiveKind.Phone, patient.Phone);
        FamilyPhone = patient.FamilyPhone is null ? null : protector.Protect(SensitiveKind.Phone, patient.FamilyPhone);
        IdNumber = patient.IdNumber is null ? null : protector.Protect(SensitiveKind.IdNumber, patient.IdNumber);
    }

    public ValidatedPatient Patient { get; }
    public SensitiveValue Phone { get; }
    public SensitiveValue? FamilyPhone { get; }
    public SensitiveValue? IdNumber { get; }

    public string PhoneIndex => Phone.Index;
    public string? IdIndex => IdNumber?.Index;
    public string? FamilyPhoneIndex => FamilyPhone?.Index;

    public static List<PreparedRow> Prepare(IEnumerable<ValidatedPatient> rows, SensitiveDataProtector protector) =>
        rows.Select(r => new PreparedRow(r, protector)).ToList();
}

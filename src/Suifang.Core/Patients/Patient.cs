using Suifang.Core.Security;

namespace Suifang.Core.Patients;

public enum Gender
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}

public enum PatientSource
{
    Manual = 0,
    Excel = 1,
    His = 2,
    Demo = 3,
}

public sealed class Patient
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public int CampusId { get; set; }

    /// 患者编号 in the HIS, when known.
    public string? HisPatientId { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public DateOnly? BirthDate { get; set; }

    /// True when only an age was given and the birth date is 1 January of the implied year.
    public bool BirthDateEstimated { get; set; }

    public string PhoneCipher { get; private set; } = "";
    public string PhoneIndex { get; private set; } = "";
    public string PhoneMasked { get; private set; } = "";

    /// The last four digits, already visible in PhoneMasked, kept apart so "search by the last 4" uses an index.
    public string PhoneLast4 { get; private set; } = "";

    public string? FamilyContactName { get; set; }
    public string? FamilyRelation { get; set; }
    public string? FamilyPhoneCipher { get; private set; }
    public string? FamilyPhoneIndex { get; private set; }
    public string? FamilyPhoneMasked { get; private set; }

    public string? IdNumberCipher { get; private set; }
    public string? IdNumberIndex { get; private set; }
    public string? IdNumberMasked { get; private set; }

    /// Who this person is, for de-duplication: HIS id, else ID number, else name + phone (see PatientIdentity).
    public string IdentityKey { get; set; } = "";
    public PatientSource Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }

    public List<Encounter> Encounters { get; set; } = [];

    public bool IsDeleted => DeletedAt is not null;

    public int? AgeOn(DateOnly day)
    {
        if (BirthDate is not { } b)
            return null;
        var age = day.Year - b.Year;
        return b.AddYears(age) > day ? age - 1 : age;
    }

    public void SetPhone(SensitiveValue value)
    {
        (PhoneCipher, PhoneIndex, PhoneMasked) = value;
        PhoneLast4 = value.Masked.Length > 4 ? value.Masked[^4..] : value.Masked;
    }

    public void SetFamilyPhone(SensitiveValue? value) =>
        (FamilyPhoneCipher, FamilyPhoneIndex, FamilyPhoneMasked) = (value?.Cipher, value?.Index, value?.Masked);

    public void SetIdNumber(SensitiveValue? value) =>
        (IdNumberCipher, IdNumberIndex, IdNumberMasked) = (value?.Cipher, value?.Index, value?.Masked);
}

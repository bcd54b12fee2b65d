namespace Suifang.Core.Patients;

/// The key that says two rows are the same person: the HIS patient id when there is one,
/// else the ID number's search index, else name and phone index together.
public static class PatientIdentity
{
    public static string KeyOf(string? hisPatientId, string? idNumberIndex, string name, string phoneIndex)
    {
        if (!string.IsNullOrWhiteSpace(hisPatientId))
            return $"his:{hisPatientId.Trim()}";
        if (!string.IsNullOrEmpty(idNumberIndex))
            return $"id:{idNumberIndex}";
        return $"np:{name.Trim()}|{phoneIndex}";
    }
}

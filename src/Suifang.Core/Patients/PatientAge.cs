namespace Suifang.Core.Patients;

public static class PatientAge
{
    /// Whole years on the given day, or null when the birth date is unknown.
    public static int? On(DateOnly? birth, DateOnly day) =>
        birth is { } b ? day.Year - b.Year - (b.AddYears(day.Year - b.Year) > day ? 1 : 0) : null;
}

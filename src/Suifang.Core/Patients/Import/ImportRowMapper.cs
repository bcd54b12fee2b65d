using Suifang.Core.Patients.Writing;
using C = Suifang.Core.Patients.Import.ImportColumns;

namespace Suifang.Core.Patients.Import;

/// Turns one sheet row into the record every source hands to the validator; cells that cannot be
/// read as their type (a date that is not a date) are reported here, the rest by the validator.
internal static class ImportRowMapper
{
    public static PatientRecord Map(SheetRow row, List<FieldError> errors)
    {
        return new PatientRecord
        {
            Name = CellValues.Text(row[C.Name]),
            Gender = CellValues.Text(row[C.Gender]),
            BirthDate = CellValues.Date(row[C.BirthDate], C.BirthDate, errors) is { } b ? DateOnly.FromDateTime(b) : null,
            Age = CellValues.Age(row[C.Age], errors),
            Phone = CellValues.Text(row[C.Phone]),
            FamilyContactName = CellValues.Text(row[C.FamilyName]),
            FamilyRelation = CellValues.Text(row[C.FamilyRelation]),
            FamilyPhone = CellValues.Text(row[C.FamilyPhone]),
            IdNumber = CellValues.Text(row[C.IdNumber]),
            HisPatientId = CellValues.Text(row[C.HisPatientId]),
            Campus = CellValues.Text(row[C.Campus]),
            // The encounter columns are required, so every row carries an encounter: the validator says which cells are empty.
            Encounter = new EncounterRecord
            {
                VisitType = CellValues.Text(row[C.VisitType]),
                VisitNumber = CellValues.Text(row[C.VisitNumber]),
                Department = CellValues.Text(row[C.Department]),
                AttendingDoctor = CellValues.Text(row[C.Doctor]),
                VisitAt = CellValues.Date(row[C.VisitAt], C.VisitAt, errors),
                DischargeAt = CellValues.Date(row[C.DischargeAt], C.DischargeAt, errors),
                PrimaryDiagnosisCode = CellValues.Text(row[C.DiagnosisCode]),
                PrimaryDiagnosisName = CellValues.Text(row[C.DiagnosisName]),
                SecondaryDiagnoses = CellValues.Diagnoses(row[C.SecondaryDiagnoses]),
            },
        };
    }

    /// The row as the nurse typed it, for the export of rejected rows.
    public static Dictionary<string, string?> OriginalValues(SheetRow row) =>
        C.All.Where(c => row.Cells.ContainsKey(c.Header)).ToDictionary(c => c.Header, c => CellValues.Text(row[c.Header]));
}

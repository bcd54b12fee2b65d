using Suifang.Core.Accounts;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.Import;

/// Valid rows read up to a point of the sheet, with how far the reading got at that point.
internal sealed record ImportBatch(List<PreparedRow> Rows, int RowsRead, int RejectedRows);

/// Checks each sheet row the way every source is checked (validator, scope, conflicts within the file)
/// and keeps the rejected rows with their reasons and their values (encrypted).
internal sealed class ImportRowChecker(HospitalDirectory directory, Func<DateTime> now, StaffScope scope, SensitiveDataProtector protector)
{
    private readonly PatientRecordValidator _validator = new(directory, now);
    private readonly InFileConflicts _conflicts = new();
    private readonly List<RejectedRow> _rejected = [];

    public IReadOnlyList<RejectedRow> Rejected => _rejected;
    public int RowsRead { get; private set; }
    public int RejectedRows { get; private set; }
    public int LastRow { get; private set; } = 1;

    /// Encrypts and indexes the rows here, on the reading thread, while the writer is busy with the previous batch.
    public ImportBatch Batch(List<ValidatedPatient> rows) => new(PreparedRow.Prepare(rows, protector), RowsRead, RejectedRows);

    /// The validated row, or null when the row is empty or rejected.
    public ValidatedPatient? Check(SheetRow row)
    {
        RowsRead++;
        LastRow = row.RowNumber;
        if (row.IsEmpty)
            return null;
        var errors = new List<FieldError>();
        var record = ImportRowMapper.Map(row, errors);
        var (patient, invalid) = _validator.Validate(record);
        var reasons = errors.Concat(invalid).Select(e => new ImportCellError(ImportColumns.ColumnOf(e.Field), e.Message)).ToList();
        if (patient?.Encounter is { } enc && !scope.CanSeeDepartment(enc.Department.Id))
            reasons.Add(new(ImportColumns.Department, $"科室“{enc.Department.Name}”不在您负责的科室范围内，不能导入该科室的患者；请交由该科室的医护人员或管理员导入。"));
        if (reasons.Count == 0 && patient is not null && _conflicts.Check(row.RowNumber, patient) is { } conflict)
            reasons.Add(conflict);
        if (reasons.Count == 0 && patient is not null)
            return patient;
        RejectedRows++;
        if (_rejected.Count < RejectedRowsJson.MaxKept)
            _rejected.Add(new RejectedRow(row.RowNumber, reasons, RejectedRowsJson.ProtectValues(protector, ImportRowMapper.OriginalValues(row))));
        return null;
    }
}

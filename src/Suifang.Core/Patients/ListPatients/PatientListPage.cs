namespace Suifang.Core.Patients.ListPatients;

/// One row of a patient list: an encounter with its patient, phone already masked.
public sealed record PatientListRow(
    long EncounterId,
    long PatientId,
    string Name,
    Gender Gender,
    int? Age,
    string PhoneMasked,
    VisitType VisitType,
    string? VisitNumber,
    int DepartmentId,
    string DepartmentName,
    string? AttendingDoctor,
    string DiagnosisCode,
    string DiagnosisName,
    DateTime VisitAt,
    DateTime? DischargeAt,
    string CampusName,
    // 趋势标记 (7.2.5.1 b): what worsened, in plain words, while a mark on the patient is not cleared.
    string? TrendMark = null);

/// A page of rows. When TotalIsCapped, Total is a lower bound ("10,000+", or the matches among the newest records
/// for filters no index serves, see PatientList): counting every match of a million rows costs more than the page.
public sealed record PatientListPage(IReadOnlyList<PatientListRow> Items, int Page, int PageSize, int Total, bool TotalIsCapped)
{
    public int PageCount => (Total + PageSize - 1) / PageSize;
}

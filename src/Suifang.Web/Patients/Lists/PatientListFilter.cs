using MudBlazor;
using Suifang.Core.Patients;
using Suifang.Core.Patients.ListPatients;

namespace Suifang.Web.Patients.Lists;

/// What the filter bar holds; turned into a query for one page.
public sealed class PatientListFilter
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public int? DepartmentId { get; set; }
    public string? Diagnosis { get; set; }
    public string? Doctor { get; set; }
    public DateRange? Dates { get; set; }

    public PatientListQuery ToQuery(VisitType list, int page, int pageSize) => new(list)
    {
        Name = Blank(Name), Phone = Blank(Phone), DepartmentId = DepartmentId, Diagnosis = Blank(Diagnosis), Doctor = Blank(Doctor),
        From = Dates?.Start is { } s ? DateOnly.FromDateTime(s) : null,
        To = Dates?.End is { } e ? DateOnly.FromDateTime(e) : null,
        Page = page, PageSize = pageSize,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

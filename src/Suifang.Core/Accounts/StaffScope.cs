namespace Suifang.Core.Accounts;

/// What one staff member may see: all departments (admin, supervisor) or their own.
public sealed record StaffScope(
    string UserId,
    string UserName,
    int HospitalId,
    bool AllDepartments,
    IReadOnlySet<int> DepartmentIds,
    IReadOnlySet<string> Roles,
    string? IpAddress = null)
{
    public bool CanRevealNumbers => Roles.Any(Accounts.Roles.MayRevealNumbers.Contains);
    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);

    public bool CanSeeDepartment(int departmentId) => AllDepartments || DepartmentIds.Contains(departmentId);

    public Audit.AuditActor Actor => new(UserId, UserName, IpAddress);
}

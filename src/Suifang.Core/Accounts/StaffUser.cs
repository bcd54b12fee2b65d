using Microsoft.AspNetCore.Identity;

namespace Suifang.Core.Accounts;

public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int HospitalId { get; set; }

    /// Set for a new account and after an admin reset: the user must choose a password at next login.
    public bool MustChangePassword { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<StaffDepartment> Departments { get; set; } = [];
}

public sealed class StaffDepartment
{
    public required string UserId { get; set; }
    public int DepartmentId { get; set; }
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Doctor = "doctor";
    public const string Nurse = "nurse";
    public const string Supervisor = "supervisor";
    public const string Researcher = "researcher";

    public static readonly IReadOnlyList<string> All = [Admin, Doctor, Nurse, Supervisor, Researcher];

    /// Roles that see every department's patients.
    public static readonly IReadOnlyList<string> HospitalWide = [Admin, Supervisor];

    /// Roles that may reveal a full phone or ID number (each reveal is audited): those who call patients.
    public static readonly IReadOnlyList<string> MayRevealNumbers = [Doctor, Nurse, Admin];

    public static string ChineseName(string role) => role switch
    {
        Admin => "管理员",
        Doctor => "医生",
        Nurse => "护士",
        Supervisor => "监管",
        Researcher => "科研",
        _ => role,
    };
}

namespace Suifang.Core.Organization;

public sealed class Hospital
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Campus> Campuses { get; set; } = [];
}

/// 院区. Every patient-owned row carries its hospital and campus.
public sealed class Campus
{
    public int Id { get; set; }
    public int HospitalId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// 科室. Aliases (separated by ';') let imports and HIS feeds match other spellings, e.g. "心血管内科;心内".
public sealed class Department
{
    public int Id { get; set; }
    public int HospitalId { get; set; }
    public int? CampusId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Aliases { get; set; }
    public bool IsActive { get; set; } = true;

    public IEnumerable<string> AllNames() =>
        new[] { Name, Code }.Concat((Aliases ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

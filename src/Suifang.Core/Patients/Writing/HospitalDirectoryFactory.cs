using Suifang.Core.Organization;

namespace Suifang.Core.Patients.Writing;

/// Builds a directory without a database, for callers that already hold the hospital's departments.
internal static class HospitalDirectoryFactory
{
    public static HospitalDirectory Create(IEnumerable<Department> departments, Hospital? hospital = null)
    {
        hospital ??= new Hospital { Id = 1, Code = "H", Name = "医院", Campuses = [new Campus { Id = 1, HospitalId = 1, Code = "MAIN", Name = "本院区" }] };
        return HospitalDirectory.Create(hospital, departments);
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Organization;

namespace Suifang.Core.Patients.Writing;

/// The hospital's campuses and departments, looked up by name, code or alias as sources spell them.
public sealed class HospitalDirectory
{
    private readonly Dictionary<string, Department> _departments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Campus> _campuses = new(StringComparer.OrdinalIgnoreCase);

    internal static HospitalDirectory Create(Hospital hospital, IEnumerable<Department> departments) => new(hospital, departments);

    private HospitalDirectory(Hospital hospital, IEnumerable<Department> departments)
    {
        Hospital = hospital;
        DefaultCampus = hospital.Campuses.OrderBy(c => c.Id).First();
        foreach (var c in hospital.Campuses)
        {
            _campuses[c.Name] = c;
            _campuses[c.Code] = c;
        }
        foreach (var d in departments.Where(d => d.IsActive))
            foreach (var name in d.AllNames())
                _departments.TryAdd(Normalize(name), d);
    }

    public Hospital Hospital { get; }
    public Campus DefaultCampus { get; }

    public static async Task<HospitalDirectory> LoadAsync(SuifangDbContext db, int hospitalId, CancellationToken ct = default)
    {
        var hospital = await db.Hospitals.AsNoTracking().Include(h => h.Campuses).SingleAsync(h => h.Id == hospitalId, ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.HospitalId == hospitalId).ToListAsync(ct);
        return new HospitalDirectory(hospital, departments);
    }

    public Department? FindDepartment(string? nameOrCode) =>
        string.IsNullOrWhiteSpace(nameOrCode) ? null : _departments.GetValueOrDefault(Normalize(nameOrCode));

    public Campus? FindCampus(string? nameOrCode) =>
        string.IsNullOrWhiteSpace(nameOrCode) ? DefaultCampus : _campuses.GetValueOrDefault(nameOrCode.Trim());

    private static string Normalize(string name) => name.Trim().Replace(" ", "", StringComparison.Ordinal);
}

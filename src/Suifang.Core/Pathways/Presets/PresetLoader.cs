using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Organization;
using Suifang.Core.Pathways.Editing;

namespace Suifang.Core.Pathways.Presets;

/// Puts the presets a hospital's catalogue lacks into it (7.2.3.1 a): published version 1, IsPreset, in the department whose
/// code, name or alias matches (else the first department; admins may move it). A key the hospital already has, in any
/// version, is left alone, so running it again adds nothing and a hospital's own edits are never overwritten.
public sealed class PresetLoader(SuifangDbContext db, Func<DateTime> now)
{
    public const string Author = "系统预设";

    /// The number of pathways added; 0 when the hospital has no department yet (the presets come once it has one).
    public async Task<int> EnsureAsync(int hospitalId, CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.HospitalId == hospitalId && d.IsActive).OrderBy(d => d.Id).ToListAsync(ct);
        if (departments.Count == 0)
            return 0;
        var keys = (await db.Pathways.Where(p => p.HospitalId == hospitalId).Select(p => p.Key).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        var added = 0;
        foreach (var preset in PathwayPresets.All.Where(p => !keys.Contains(p.Key)))
        {
            var pathway = new Pathway
            {
                HospitalId = hospitalId,
                Key = preset.Key,
                Name = "",
                DiseaseCodes = "",
                DiseaseNames = "",
                Version = 1,
                Status = PathwayStatus.Published,
                IsPreset = true,
                CreatedAt = now(),
                CreatedBy = Author,
            };
            PathwayMapping.Apply(PathwayPresets.ToInput(preset, DepartmentFor(preset, departments).Id), pathway);
            db.Pathways.Add(pathway);
            added++;
        }
        if (added > 0)
            await db.SaveChangesAsync(ct);
        return added;
    }

    public static Department DepartmentFor(PresetDefinition preset, IReadOnlyList<Department> departments)
    {
        foreach (var wanted in preset.Departments)
        {
            var match = departments.FirstOrDefault(d => d.AllNames().Any(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase)));
            if (match is not null)
                return match;
        }
        return departments[0];
    }
}

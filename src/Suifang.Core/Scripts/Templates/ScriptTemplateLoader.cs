using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Organization;

namespace Suifang.Core.Scripts.Templates;

/// Puts the templates a hospital lacks into its script library: published version 1, IsTemplate, in the department whose
/// code, name or alias matches (else the first department). A key the hospital already has, in any version, is left
/// alone, so a hospital's own edits are never overwritten.
public sealed class ScriptTemplateLoader(SuifangDbContext db, Func<DateTime> now)
{
    public const string Author = "系统模板";

    /// The number of scripts added; 0 when the hospital has no department yet.
    public async Task<int> EnsureAsync(int hospitalId, CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.HospitalId == hospitalId && d.IsActive).OrderBy(d => d.Id).ToListAsync(ct);
        if (departments.Count == 0)
            return 0;
        var keys = (await db.Scripts.Where(s => s.HospitalId == hospitalId).Select(s => s.Key).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var template in ScriptTemplates.All.Where(t => !keys.Contains(t.Key)))
        {
            db.Scripts.Add(new ScriptRecord
            {
                HospitalId = hospitalId,
                DepartmentId = DepartmentFor(template.Department, departments).Id,
                Key = template.Key,
                Name = template.Name,
                Purpose = template.Purpose,
                Json = template.Json,
                Version = 1,
                Status = ScriptStatus.Published,
                IsTemplate = true,
                CreatedAt = now(),
                CreatedBy = Author,
            });
            added++;
        }
        if (added > 0)
            await db.SaveChangesAsync(ct);
        return added;
    }

    private static Department DepartmentFor(string wanted, IReadOnlyList<Department> departments) =>
        departments.FirstOrDefault(d => d.AllNames().Any(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase))) ?? departments[0];
}

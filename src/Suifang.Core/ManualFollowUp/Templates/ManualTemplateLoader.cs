using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.ManualFollowUp.Templates;

/// Puts the shipped forms a hospital lacks into its library: published version 1, IsTemplate, in the department whose
/// code, name or alias matches. A form for named departments is skipped when the hospital has none of them (no
/// psychiatry, no form); a key the hospital already has, in any version, is left alone (its own edits are kept).
public sealed class ManualTemplateLoader(SuifangDbContext db, Func<DateTime> now)
{
    public const string Author = "系统模板";

    public async Task<int> EnsureAsync(int hospitalId, CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking().Where(d => d.HospitalId == hospitalId && d.IsActive).OrderBy(d => d.Id).ToListAsync(ct);
        var keys = (await db.ManualFormTemplates.Where(t => t.HospitalId == hospitalId).Select(t => t.Key).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var template in ManualTemplates.All.Where(t => !keys.Contains(t.Key)))
        {
            int? departmentId = null;
            if (template.Departments.Count > 0)
            {
                var match = template.Departments.Select(w => departments.FirstOrDefault(d =>
                    d.AllNames().Any(n => string.Equals(n, w, StringComparison.OrdinalIgnoreCase)))).FirstOrDefault(d => d is not null);
                if (match is null)
                    continue;
                departmentId = match.Id;
            }
            db.ManualFormTemplates.Add(new ManualFormTemplate
            {
                HospitalId = hospitalId, DepartmentId = departmentId, Key = template.Key, Name = template.Name,
                Description = template.Description, Questions = ManualTemplates.QuestionsOf(template),
                Triggers = ManualTemplates.TriggersOf(template), Version = 1, Status = ManualFormStatus.Published,
                IsTemplate = true, CreatedAt = now(), CreatedBy = Author,
            });
            added++;
        }
        if (added > 0)
            await db.SaveChangesAsync(ct);
        return added;
    }
}

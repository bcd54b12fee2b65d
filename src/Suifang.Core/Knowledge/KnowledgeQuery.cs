using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Knowledge;

/// A row of the knowledge-base list.
public sealed record KnowledgeView(int Id, int? DepartmentId, string DepartmentName, string Question, string Variants,
    string Answer, string Owner, DateOnly ReviewOn, bool ReviewDue, bool IsRetired, bool IsPreset, string? UpdatedBy,
    DateTime? UpdatedAt, int Revision);

public sealed record KnowledgeFilter(int? DepartmentId = null, string? Text = null, bool DueOnly = false, bool IncludeRetired = false);

/// The entries a staff member may see: hospital-wide ones and those of their departments (admins and supervisors: all).
public static class KnowledgeQuery
{
    public const string AllHospital = "全院通用";

    public static IQueryable<KnowledgeEntry> VisibleTo(this IQueryable<KnowledgeEntry> entries, StaffScope scope)
    {
        var inHospital = entries.Where(e => e.HospitalId == scope.HospitalId);
        if (scope.AllDepartments)
            return inHospital;
        var departments = scope.DepartmentIds.ToArray();
        return inHospital.Where(e => e.DepartmentId == null || departments.Contains(e.DepartmentId.Value));
    }

    public static async Task<List<KnowledgeView>> ListAsync(SuifangDbContext db, StaffScope scope, KnowledgeFilter filter, DateOnly today, CancellationToken ct = default)
    {
        var query = db.KnowledgeEntries.AsNoTracking().VisibleTo(scope);
        if (!filter.IncludeRetired)
            query = query.Where(e => !e.IsRetired);
        if (filter.DepartmentId is { } d)
            query = d == 0 ? query.Where(e => e.DepartmentId == null) : query.Where(e => e.DepartmentId == d);
        if (filter.DueOnly)
            query = query.Where(e => e.ReviewOn <= today);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(e => e.Question.Contains(text) || e.Variants.Contains(text) || e.Answer.Contains(text) || e.Owner.Contains(text));
        }
        var departments = await db.Departments.AsNoTracking().Where(x => x.HospitalId == scope.HospitalId).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var rows = await query.OrderBy(e => e.DepartmentId).ThenBy(e => e.Question).Take(1000).ToListAsync(ct);
        return rows.Select(e => new KnowledgeView(e.Id, e.DepartmentId,
                e.DepartmentId is { } id ? departments.GetValueOrDefault(id, "") : AllHospital,
                e.Question, e.Variants, e.Answer, e.Owner, e.ReviewOn, e.ReviewOn <= today, e.IsRetired, e.PresetKey is not null,
                e.UpdatedBy ?? e.CreatedBy, e.UpdatedAt ?? e.CreatedAt, e.Revision))
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;

namespace Suifang.Core.Plans.ListPlans;

public sealed record PlanListQuery
{
    public PlanStatus? Status { get; init; }
    public string? PathwayKey { get; init; }
    public string? PatientName { get; init; }
    public long? PatientId { get; init; }
    public int? DepartmentId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed record PlanListRow(long Id, long PatientId, string PatientName, string DepartmentName, PlanStatus Status, PlanSource Source,
    string Pathways, DateTime AnchorTime, DateTime CreatedAt, int Steps, int StepsDone, double? PlanningEffectiveness, double? PlanningAccuracy);

/// /plans: the plans of the user's departments, newest first, by status, pathway, patient name and creation date.
public static class PlanList
{
    public static async Task<PagedResult<PlanListRow>> RunAsync(SuifangDbContext db, StaffScope scope, PlanListQuery q, CancellationToken ct)
    {
        var plans = db.Plans.AsNoTracking().Where(p => p.HospitalId == scope.HospitalId);
        if (!scope.AllDepartments)
        {
            var departments = scope.DepartmentIds.ToArray();
            plans = plans.Where(p => departments.Contains(p.DepartmentId));
        }
        if (q.DepartmentId is { } dept)
            plans = plans.Where(p => p.DepartmentId == dept);
        if (q.Status is { } status)
            plans = plans.Where(p => p.Status == status);
        if (q.PatientId is { } pid)
            plans = plans.Where(p => p.PatientId == pid);
        if (!string.IsNullOrWhiteSpace(q.PathwayKey))
            plans = plans.Where(p => p.Pathways.Any(x => x.Pathway!.Key == q.PathwayKey));
        if (!string.IsNullOrWhiteSpace(q.PatientName))
        {
            var name = q.PatientName.Trim();
            plans = plans.Where(p => db.Patients.Any(x => x.Id == p.PatientId && x.Name.StartsWith(name)));
        }
        if (q.From is { } from)
            plans = plans.Where(p => p.CreatedAt >= from.ToDateTime(TimeOnly.MinValue));
        if (q.To is { } to)
            plans = plans.Where(p => p.CreatedAt < to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var total = await plans.CountAsync(ct);
        var page = await plans.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Skip((Math.Max(1, q.Page) - 1) * q.PageSize).Take(q.PageSize)
            .Select(p => new
            {
                p.Id, p.PatientId, p.Status, p.Source, p.AnchorTime, p.CreatedAt, p.PlanningEffectiveness, p.PlanningAccuracy,
                Patient = db.Patients.Where(x => x.Id == p.PatientId).Select(x => x.Name).FirstOrDefault(),
                Department = db.Departments.Where(d => d.Id == p.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                Pathways = p.Pathways.Select(x => x.Pathway!.Name).ToList(),
                Steps = p.Steps.Count,
                p.LaterSteps,
                Done = p.Steps.Count(s => s.Status == StepStatus.Done || s.Status == StepStatus.Unreached),
            })
            .ToListAsync(ct);
        var rows = page.Select(p => new PlanListRow(p.Id, p.PatientId, p.Patient ?? "", p.Department ?? "", p.Status, p.Source,
            string.Join("、", p.Pathways), p.AnchorTime, p.CreatedAt, p.Steps + Upcoming.LaterSteps.Count(p.LaterSteps), p.Done, p.PlanningEffectiveness, p.PlanningAccuracy)).ToList();
        return new PagedResult<PlanListRow>(rows, Math.Max(1, q.Page), q.PageSize, total);
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Quality;

public sealed record QueueRow(long SampleId, long CallId, int DepartmentId, string ScriptKey, int ScriptVersion, SampleReason Reason,
    DateTime CallEndedAt, bool ChecksPassed, int ChecksFailed, ReviewState Review, string? ReviewedBy);

/// 待复核队列: the sampled calls of the staff member's departments, failed checks and handoffs first, oldest first.
public static class ReviewQueue
{
    public static IQueryable<QualitySample> VisibleTo(this IQueryable<QualitySample> samples, StaffScope scope)
    {
        var inHospital = samples.Where(s => s.HospitalId == scope.HospitalId);
        if (scope.AllDepartments)
            return inHospital;
        var departments = scope.DepartmentIds.ToArray();
        return inHospital.Where(s => departments.Contains(s.DepartmentId));
    }

    public static async Task<List<QueueRow>> ListAsync(SuifangDbContext db, StaffScope scope, ReviewState state, int take, CancellationToken ct)
    {
        var query = db.QualitySamples.AsNoTracking().VisibleTo(scope).Where(s => s.Review == state);
        query = state == ReviewState.Waiting
            ? query.OrderBy(s => s.ChecksPassed).ThenBy(s => s.Reason == SampleReason.Share).ThenBy(s => s.CallEndedAt)
            : query.OrderByDescending(s => s.ReviewedAt);
        return await query.Take(take)
            .Select(s => new QueueRow(s.Id, s.CallId, s.DepartmentId, s.ScriptKey, s.ScriptVersion, s.Reason, s.CallEndedAt,
                s.ChecksPassed, s.ChecksFailed, s.Review, s.ReviewedBy))
            .ToListAsync(ct);
    }
}

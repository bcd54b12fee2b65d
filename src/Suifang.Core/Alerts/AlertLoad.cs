using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

/// One line of the alert load (7.2.5): for a department, and a rule key (null = all of the department's rules).
public sealed record AlertLoadRow(int DepartmentId, string Department, string? RuleKey, int Raised, int Muted, int Calls,
    double? PerHundredCalls, double? MedianAckMinutes, double? P90AckMinutes, double? ClosedSameDayShare, int HeadNurseEscalations);

/// 预警负荷: escalations (to-dos raised, muted ones apart) per 100 AI calls, time to acknowledge (median, 90th
/// percentile), share closed on the day raised — per department and per rule key over a period, so that a department
/// can see when its rules fire too often or too rarely and tune them.
public static class AlertLoad
{
    public static async Task<List<AlertLoadRow>> ComputeAsync(SuifangDbContext db, StaffScope scope, DateTime from, DateTime to, CancellationToken ct)
    {
        var todos = await db.Todos.AsNoTracking()
            .Where(t => t.HospitalId == scope.HospitalId && t.CreatedAt >= from && t.CreatedAt < to)
            .Select(t => new Item(t.DepartmentId, t.RuleKey, t.CreatedAt, t.AcknowledgedAt, t.ClosedAt, t.ClosedBy == AlertTuning.SystemUser))
            .ToListAsync(ct);
        todos = todos.Where(t => scope.CanSeeDepartment(t.DepartmentId)).ToList();
        var calls = (await db.Calls.AsNoTracking().Where(c => c.HospitalId == scope.HospitalId && c.StartedAt >= from && c.StartedAt < to)
                .GroupBy(c => c.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var escalations = (await db.AlertDeliveries.AsNoTracking().Where(d => d.HospitalId == scope.HospitalId && d.IsEscalation && d.At >= from && d.At < to)
                .GroupBy(d => d.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var names = await db.Departments.AsNoTracking().Where(d => d.HospitalId == scope.HospitalId).ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        var rows = new List<AlertLoadRow>();
        foreach (var dept in todos.GroupBy(t => t.DepartmentId).OrderBy(g => names.GetValueOrDefault(g.Key), StringComparer.Ordinal))
        {
            var callCount = calls.GetValueOrDefault(dept.Key);
            rows.Add(Row(dept.Key, names.GetValueOrDefault(dept.Key) ?? "", null, dept.ToList(), callCount, escalations.GetValueOrDefault(dept.Key)));
            foreach (var rule in dept.GroupBy(t => t.RuleKey ?? "").OrderByDescending(g => g.Count()))
                rows.Add(Row(dept.Key, names.GetValueOrDefault(dept.Key) ?? "", rule.Key, rule.ToList(), callCount, 0));
        }
        return rows;
    }

    private static AlertLoadRow Row(int dept, string name, string? rule, List<Item> items, int calls, int escalations)
    {
        var raised = items.Where(i => !i.Muted).ToList();
        var acks = raised.Where(i => i.AcknowledgedAt is not null).Select(i => (i.AcknowledgedAt!.Value - i.CreatedAt).TotalMinutes).Order().ToList();
        double? closedSameDay = raised.Count == 0 ? null : raised.Count(i => i.ClosedAt is { } c && c.Date == i.CreatedAt.Date) / (double)raised.Count;
        return new AlertLoadRow(dept, name, rule, raised.Count, items.Count - raised.Count, calls,
            calls == 0 ? null : raised.Count * 100.0 / calls, Percentile(acks, 0.5), Percentile(acks, 0.9), closedSameDay, escalations);
    }

    /// Nearest-rank percentile of sorted values; null for none.
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record Item(int DepartmentId, string? RuleKey, DateTime CreatedAt, DateTime? AcknowledgedAt, DateTime? ClosedAt, bool Muted);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Quality;

/// A department's own 抽检比例 and the hospital's share it replaces.
public sealed record DepartmentShare(int DepartmentId, string DepartmentName, double SamplePercent);

/// 7.2.5.2: a department may sample a different share of its calls than the hospital (a new script, a department with
/// many complaints). Set by an administrator for departments in their scope; validated and audited. Sampling reads it
/// through SampleCalls.SettingsFor.
public static class DepartmentShares
{
    public static async Task<IReadOnlyList<DepartmentShare>> ListAsync(SuifangDbContext db, StaffScope scope, CancellationToken ct)
    {
        var rows = await db.QualitySettings.AsNoTracking()
            .Where(s => s.HospitalId == scope.HospitalId && s.DepartmentId != null)
            .Join(db.Departments, s => s.DepartmentId, d => d.Id, (s, d) => new { d.Id, d.Name, d.Code, s.SamplePercent })
            .ToListAsync(ct);
        return rows.Where(r => scope.CanSeeDepartment(r.Id)).OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new DepartmentShare(r.Id, r.Name, r.SamplePercent)).ToList();
    }

    /// Sets the department's share, or with null lets it follow the hospital's share again. Returns what to fix, if anything.
    public static async Task<string?> SaveAsync(SuifangDbContext db, StaffScope scope, int departmentId, double? percent, DateTime now, CancellationToken ct)
    {
        if (!scope.IsAdmin)
            return "只有管理员可以修改质检设置。如需调整，请联系信息科。";
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId && d.HospitalId == scope.HospitalId)
            .Select(d => d.Name).FirstOrDefaultAsync(ct);
        if (department is null || !scope.CanSeeDepartment(departmentId))
            return "请从列表中选择本院的科室。";
        if (percent is { } p && (double.IsNaN(p) || p is < 0 or > 100))
            return "科室抽检比例应在 0 到 100 之间（百分比，例如 20 表示抽检本科室 20% 的通话）；不填表示沿用全院比例。";
        var row = await db.QualitySettings.FirstOrDefaultAsync(s => s.HospitalId == scope.HospitalId && s.DepartmentId == departmentId, ct);
        if (percent is null)
        {
            if (row is null)
                return null;
            db.QualitySettings.Remove(row);
        }
        else
        {
            if (row is null)
                db.QualitySettings.Add(row = new QualitySettings { HospitalId = scope.HospitalId, DepartmentId = departmentId });
            (row.SamplePercent, row.UpdatedAt, row.UpdatedBy) = (percent.Value, now, scope.UserName);
        }
        db.Actor = scope.Actor;
        db.AuditEvent("quality.settings.department", "QualitySettings", departmentId.ToString(CultureInfo.InvariantCulture),
            percent is { } set ? $"质检设置：{department}抽检 {set.ToString(CultureInfo.InvariantCulture)}%" : $"质检设置：{department}改为沿用全院抽检比例");
        await db.SaveChangesAsync(ct);
        return null;
    }
}

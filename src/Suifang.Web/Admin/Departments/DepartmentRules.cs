using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Organization;

namespace Suifang.Web.Admin.Departments;

internal static class DepartmentRules
{
    public static async Task<List<string>> CheckAsync(SuifangDbContext db, Department department, string code, string name,
        string aliases, int? campusId, int hospitalId, CancellationToken ct)
    {
        var errors = new List<string>();
        if (code.Length == 0)
            errors.Add("请填写科室代码，例如 XNK（一般与 HIS 中的科室代码一致）。");
        else if (code.Length > 32)
            errors.Add("科室代码最多 32 个字符。");
        if (name.Length == 0)
            errors.Add("请填写科室名称，例如 心血管内科。");
        else if (name.Length > 64)
            errors.Add("科室名称最多 64 个字。");
        if (aliases.Length > 512)
            errors.Add("别名太长（最多 512 个字符），请只保留导入和 HIS 中实际出现的写法。");
        if (campusId is { } c && !await db.Campuses.AnyAsync(x => x.Id == c && x.HospitalId == hospitalId, ct))
            errors.Add("所选院区不存在，请重新选择。");
        if (errors.Count > 0)
            return errors;

        // Imports and the HIS find a department by any of its names, so each name must point to one department.
        var others = await db.Departments.AsNoTracking()
            .Where(d => d.HospitalId == hospitalId && d.Id != department.Id).ToListAsync(ct);
        var mine = new[] { name, code }.Concat(aliases.Split(';', StringSplitOptions.RemoveEmptyEntries)).ToList();
        foreach (var other in others)
        {
            if (string.Equals(other.Code, code, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"科室代码 {code} 已被“{other.Name}”使用，请换一个代码。");
                continue;
            }
            var clash = mine.FirstOrDefault(n => other.AllNames().Contains(n, StringComparer.OrdinalIgnoreCase));
            if (clash is not null)
                errors.Add($"“{clash}”已经是科室“{other.Name}”的名称或别名；导入时将无法区分，请换一个写法。");
        }
        return errors;
    }
}

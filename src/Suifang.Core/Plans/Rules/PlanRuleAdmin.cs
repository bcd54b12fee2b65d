using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Patients;

namespace Suifang.Core.Plans.Rules;

public sealed record PlanRuleInput(string? Name, string? DiagnosisCodes, int? DepartmentId, VisitType? VisitType, string? PathwayKey, bool Enabled, int Priority);

public sealed record PlanRuleView(int Id, string Name, string DiagnosisCodes, int? DepartmentId, string? DepartmentName, VisitType? VisitType,
    string PathwayKey, string? PathwayName, bool Enabled, int Priority);

/// /plans/rules: list, create, edit, enable and disable plan rules. Rules are hospital-wide; a doctor or nurse may
/// only write rules limited to one of their departments, an admin or supervisor any rule.
public static class PlanRuleAdmin
{
    public static async Task<List<PlanRuleView>> ListAsync(SuifangDbContext db, StaffScope scope, CancellationToken ct = default)
    {
        var rules = await db.PlanRules.AsNoTracking().Where(r => r.HospitalId == scope.HospitalId).OrderByDescending(r => r.Enabled)
            .ThenByDescending(r => r.Priority).ThenBy(r => r.Id).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.HospitalId == scope.HospitalId).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var pathways = (await db.Pathways.AsNoTracking().Where(p => p.HospitalId == scope.HospitalId && p.Status == PathwayStatus.Published)
            .Select(p => new { p.Key, p.Name, p.Version }).ToListAsync(ct)).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Version)!.Name);
        return rules.Select(r => new PlanRuleView(r.Id, r.Name, r.DiagnosisCodes, r.DepartmentId,
            r.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, r.VisitType, r.PathwayKey, pathways.GetValueOrDefault(r.PathwayKey), r.Enabled, r.Priority)).ToList();
    }

    /// Creates (id null) or updates a rule; returns the errors by field, empty when saved.
    public static async Task<(int? Id, Dictionary<string, string> Errors)> SaveAsync(SuifangDbContext db, StaffScope scope, int? id, PlanRuleInput input,
        DateTime now, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 128)
            errors["name"] = "请填写规则名称（最多 128 个字），例如“冠心病 PCI 术后出院随访”。";
        var codes = (input.DiagnosisCodes ?? "").Trim();
        if (codes.Length == 0 || codes.Length > 512)
            errors["diagnosisCodes"] = "请填写 ICD-10 诊断编码或范围，多个用分号隔开，例如“I20-I25;Z95.5”。";
        else if (IcdRange.ParseList(codes).Where(r => !LooksLikeIcd(r.From) || !LooksLikeIcd(r.To)).Select(r => r.ToString()).FirstOrDefault() is { } bad)
            errors["diagnosisCodes"] = $"“{bad}”不像 ICD-10 编码：应以字母开头，后面是数字，例如 I21、I21.9 或 I20-I25。";
        if (string.IsNullOrWhiteSpace(input.PathwayKey))
            errors["pathwayKey"] = "请选择规则对应的随访路径。";
        if (input.DepartmentId is { } dept && !await db.Departments.AnyAsync(d => d.Id == dept && d.HospitalId == scope.HospitalId, ct))
            errors["departmentId"] = "所选科室不存在，请重新选择。";
        if (!scope.AllDepartments && (input.DepartmentId is not { } own || !scope.CanSeeDepartment(own)))
            errors["departmentId"] = "您只能为本人所属的科室设置规则，请在“科室”中选择您的科室；全院规则请联系管理员设置。";
        PlanRule? rule = null;
        if (id is { } existing)
        {
            rule = await db.PlanRules.SingleOrDefaultAsync(r => r.Id == existing && r.HospitalId == scope.HospitalId, ct);
            if (rule is null)
                errors["id"] = "该规则不存在或已被删除，请刷新页面。";
            else if (!scope.AllDepartments && (rule.DepartmentId is not { } d || !scope.CanSeeDepartment(d)))
                errors["id"] = "这条规则不属于您的科室，不能修改。";
        }
        if (errors.Count > 0)
            return (null, errors);
        rule ??= db.PlanRules.Add(new PlanRule { HospitalId = scope.HospitalId, Name = "", DiagnosisCodes = "", PathwayKey = "", CreatedAt = now }).Entity;
        rule.Name = input.Name!.Trim();
        rule.DiagnosisCodes = codes;
        rule.DepartmentId = input.DepartmentId;
        rule.VisitType = input.VisitType;
        rule.PathwayKey = input.PathwayKey!.Trim();
        rule.Enabled = input.Enabled;
        rule.Priority = input.Priority;
        await db.SaveChangesAsync(ct);
        return (rule.Id, errors);
    }

    private static bool LooksLikeIcd(string code) =>
        code.Length >= 2 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiDigit(code[1]);
}

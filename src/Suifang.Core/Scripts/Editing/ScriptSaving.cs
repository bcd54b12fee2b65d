using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Scripts.Editing;

/// The checks every save runs (name, department, readable content) and the writing of an input onto a row.
internal static partial class ScriptSaving
{
    public static async Task<(ScriptCommandResult? Refusal, ScriptContentReport Report)> CheckAsync(
        SuifangDbContext db, IScriptContentChecker checker, ScriptInput input, StaffScope scope, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name))
            errors.Add(new("名称", "请填写话术名称，例如“冠脉介入术后出院随访”。"));
        else if (input.Name.Trim().Length > 128)
            errors.Add(new("名称", "话术名称太长，请控制在 128 个字以内。"));
        if (!Enum.IsDefined(input.Purpose))
            errors.Add(new("用途", "请选择话术用途：出院随访、门诊随访或满意度调查。"));
        var department = await ScriptAccess.CheckDepartmentAsync(db, input.DepartmentId, scope, ct);
        if (department is { Status: ScriptCommandStatus.Forbidden })
            return (department, new(false, []));
        if (department is not null)
            errors.InsertRange(0, department.Errors);
        var report = checker.Check(input.Json);
        if (!report.Readable)
            errors.Add(new("内容", report.Problems.FirstOrDefault()?.Message ?? "话术内容无法读取，请检查后再保存。"));
        return (errors.Count > 0 ? ScriptCommandResult.Invalid(errors, report.Problems) : null, report);
    }

    public static void Apply(ScriptInput input, ScriptRecord target)
    {
        target.Name = input.Name!.Trim();
        target.DepartmentId = input.DepartmentId;
        target.Purpose = input.Purpose;
        target.Json = input.Json!;
    }

    /// Keys of new scripts: the department's code and a number ("xnk-s3"), stable across versions.
    public static async Task<string> NewKeyAsync(SuifangDbContext db, int hospitalId, int departmentId, CancellationToken ct)
    {
        var code = (await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Code).SingleOrDefaultAsync(ct) ?? "").ToLowerInvariant();
        var prefix = (Plain().IsMatch(code) ? code : "script") + "-s";
        var taken = (await db.Scripts.Where(s => s.HospitalId == hospitalId && s.Key.StartsWith(prefix))
            .Select(s => s.Key).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var n = taken.Count + 1;
        while (taken.Contains($"{prefix}{n}"))
            n++;
        return $"{prefix}{n}";
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,40}$")]
    private static partial Regex Plain();
}

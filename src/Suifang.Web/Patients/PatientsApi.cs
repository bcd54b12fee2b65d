using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Patients.Archive;
using Suifang.Core.Patients.ListPatients;
using Suifang.Core.Security;
using Suifang.Web.Accounts;

namespace Suifang.Web.Patients;

/// GET lists and archive, POST reveal: the read side of /api/patients, with the same scope as the pages.
internal static class PatientsApi
{
    public static RouteGroupBuilder MapPatientReadApi(this RouteGroupBuilder api)
    {
        var patients = api.MapGroup("/patients").WithTags("患者");
        MapList(patients, "/inpatients", VisitType.Inpatient, "在院患者列表");
        MapList(patients, "/outpatients", VisitType.Outpatient, "门诊患者列表");
        MapList(patients, "/discharged", VisitType.Discharged, "出院患者列表");
        patients.MapGet("/{id:long}", GetArchiveAsync)
            .WithSummary("患者档案").WithDescription("患者基本信息（号码已脱敏）与全部门诊、住院记录，按时间由近到远。每次查看都记入审计日志。")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        patients.MapPost("/{id:long}/reveal", RevealAsync)
            .WithSummary("显示完整号码").WithDescription("返回患者电话、家属电话和证件号的完整号码；仅医生、护士、管理员可用，每次都记入审计日志。")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static void MapList(RouteGroupBuilder group, string path, VisitType list, string summary) =>
        group.MapGet(path, ([AsParameters] PatientListParameters p, HttpContext http, SuifangDbContext db,
                SensitiveDataProtector protector, HospitalClock clock, CancellationToken ct) => ListAsync(list, p, http, db, protector, clock, ct))
            .WithSummary(summary)
            .WithDescription("筛选：name 姓名开头；phone 完整手机号/座机号（含家属电话）或号码后 4 位；departmentId 科室；diagnosis ICD-10 编码开头或诊断名称中的字；"
                + "doctor 主治医生姓名开头；from/to 日期（yyyy-MM-dd，出院列表按出院日期，其余按就诊/入院日期）；page 从 1 开始；pageSize 1–100。"
                + "总数超过 10000 时只报 10000 并标记 totalIsCapped。")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<PatientListPage>, ValidationProblem, ProblemHttpResult>> ListAsync(VisitType list,
        PatientListParameters p, HttpContext http, SuifangDbContext db, SensitiveDataProtector protector, HospitalClock clock, CancellationToken ct)
    {
        var (query, errors) = p.ToQuery(list);
        if (errors.Count > 0)
            return Invalid(errors);
        var result = await PatientList.RunAsync(db, protector, ScopeOf(http), query, clock.Today, ct);
        if (result.Access == Access.Forbidden)
            return TypedResults.Problem(title: "无权查看该科室", statusCode: StatusCodes.Status403Forbidden,
                detail: $"科室 {query.DepartmentId} 不在您的账号所属科室中。请去掉 departmentId，或请管理员为您的账号添加该科室。");
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<PatientArchive>, ProblemHttpResult>> GetArchiveAsync(
        long id, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct)
    {
        var result = await OpenArchive.RunAsync(db, ScopeOf(http), id, clock.Today, ct);
        return result.Access switch
        {
            Access.Granted => TypedResults.Ok(result.Value),
            Access.Forbidden => OutOfScope(id),
            _ => Missing(id),
        };
    }

    private static async Task<Results<Ok<RevealedNumbers>, ProblemHttpResult>> RevealAsync(
        long id, HttpContext http, SuifangDbContext db, SensitiveDataProtector protector, CancellationToken ct)
    {
        var scope = ScopeOf(http);
        var result = await RevealNumbers.RunAsync(db, protector, scope, id, ct);
        return result.Access switch
        {
            Access.Granted => TypedResults.Ok(result.Value),
            Access.Forbidden when !scope.CanRevealNumbers => TypedResults.Problem(title: "无权查看完整号码", statusCode: StatusCodes.Status403Forbidden,
                detail: "只有医生、护士和管理员可以查看完整号码。如工作需要，请联系管理员调整您的角色。"),
            Access.Forbidden => OutOfScope(id),
            _ => Missing(id),
        };
    }

    private static StaffScope ScopeOf(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());

    private static ProblemHttpResult OutOfScope(long id) => TypedResults.Problem(title: "无权查看该患者", statusCode: StatusCodes.Status403Forbidden,
        detail: $"患者 {id} 不属于您所在的科室，不能查看其档案。如确需查看，请联系管理员为您的账号添加该患者就诊的科室。");

    private static ProblemHttpResult Missing(long id) => TypedResults.Problem(title: "找不到该患者", statusCode: StatusCodes.Status404NotFound,
        detail: $"没有 ID 为 {id} 的患者，或该患者已被删除。请从患者列表重新查找。");

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
            title: "查询条件有误", detail: string.Join(" ", errors.Values));
}

/// The list filters as they arrive in the query string; parsed here so that a bad value gets a Chinese explanation.
internal sealed record PatientListParameters(string? Name, string? Phone, string? DepartmentId, string? Diagnosis, string? Doctor,
    string? From, string? To, string? Page, string? PageSize)
{
    public (PatientListQuery Query, Dictionary<string, string> Errors) ToQuery(VisitType list)
    {
        var errors = new Dictionary<string, string>();
        var query = new PatientListQuery(list)
        {
            Name = Name, Phone = Phone, Diagnosis = Diagnosis, Doctor = Doctor,
            DepartmentId = Int(DepartmentId, "departmentId", "科室编号应为整数，可从科室下拉框或 /api 的科室数据获得。", errors),
            From = Date(From, "from", errors),
            To = Date(To, "to", errors),
            Page = Int(Page, "page", "页码应为整数，从 1 开始。", errors) ?? 1,
            PageSize = Int(PageSize, "pageSize", "每页条数应为 1 到 100 的整数。", errors) ?? 20,
        };
        foreach (var (key, message) in query.Validate())
            errors.TryAdd(key, message);
        return (query, errors);
    }

    private static int? Int(string? value, string key, string message, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            return n;
        errors[key] = message;
        return null;
    }

    private static DateOnly? Date(string? value, string key, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        errors[key] = $"日期“{value}”无法识别，请写成 yyyy-MM-dd，例如 2026-11-01。";
        return null;
    }
}

using Microsoft.AspNetCore.Authorization;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Security;
using Suifang.Web.Accounts;
using Suifang.Web.Patients;

namespace Suifang.Web.Contact;

public sealed record HolidayInput(DateOnly? Date, string? Name);

public sealed record DoNotContactInput(long? PatientId, string? Phone, string? Reason);

public sealed record RemovalInput(string? Reason);

/// /api/contact: the same rules and scope as the pages. Settings and holidays: admins. The do-not-call list and consent:
/// staff who work with patients (supervisors read), for patients of their departments.
internal static class ContactApi
{
    public static void Map(RouteGroupBuilder group)
    {
        var admin = new AuthorizeAttribute { Roles = Roles.Admin };
        var staff = new AuthorizeAttribute { Roles = PatientRoles.Staff };

        group.MapGet("/settings", async (HttpContext http, SuifangDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ContactSettingsEditor.LoadAsync(db, Scope(http).HospitalId, ct)))
            .RequireAuthorization(admin).WithSummary("联系规则：每周呼叫时间段、免打扰时段、短信免打扰、每日上限、X 天内不重复外呼、知情同意、节假日");

        group.MapPut("/settings", async (ContactSettingsInput input, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
            {
                var (view, errors) = await ContactSettingsEditor.SaveAsync(db, Scope(http), input, clock.Now, ct);
                return view is null ? Invalid("联系规则没有保存", errors) : TypedResults.Ok(view);
            })
            .RequireAuthorization(admin).WithSummary("保存联系规则（callingHours 为星期一到星期日 7 项，如 \"09:00-11:30,14:00-20:00\"，某天不呼叫填空字符串）");

        group.MapPost("/settings/holidays", async (HolidayInput input, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                Answer(await ContactSettingsEditor.AddHolidayAsync(db, Scope(http), input.Date, input.Name, clock.Now, ct), "节假日没有添加"))
            .RequireAuthorization(admin).WithSummary("添加节假日（当天不呼叫）");

        group.MapDelete("/settings/holidays/{date}", async (DateOnly date, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                Answer(await ContactSettingsEditor.RemoveHolidayAsync(db, Scope(http), date, clock.Now, ct), "节假日没有删除"))
            .RequireAuthorization(admin).WithSummary("删除节假日（date 为 yyyy-MM-dd）");

        group.MapGet("/do-not-call", async (string? q, bool? includeRemoved, HttpContext http, SuifangDbContext db, SensitiveDataProtector protector, CancellationToken ct) =>
                TypedResults.Ok(await DoNotContactQuery.RunAsync(db, protector, Scope(http), q, includeRemoved ?? false, ct)))
            .RequireAuthorization(staff).WithSummary("免打扰名单；q 为姓名开头、完整号码或号码后 4 位");

        group.MapPost("/do-not-call", async (DoNotContactInput input, HttpContext http, SuifangDbContext db, SensitiveDataProtector protector, HospitalClock clock, CancellationToken ct) =>
                Outcome(input.PatientId is { } id
                    ? await DoNotContactList.AddPatientAsync(db, Scope(http), id, input.Reason, clock.Now, ct)
                    : await DoNotContactList.AddNumberAsync(db, protector, Scope(http), input.Phone, input.Reason, clock.Now, ct), "没有加入免打扰名单"))
            .RequireAuthorization(staff).WithSummary("加入免打扰名单（patientId 按患者，或 phone 按号码），并立即取消相关患者未执行的任务");

        group.MapPost("/do-not-call/{id:long}/remove", async (long id, RemovalInput input, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                Outcome(await DoNotContactList.RemoveAsync(db, Scope(http), id, input.Reason, clock.Now, ct), "没有移出免打扰名单"))
            .RequireAuthorization(staff).WithSummary("移出免打扰名单（需填写原因）");

        group.MapGet("/patients/{id:long}/consent", async (long id, HttpContext http, SuifangDbContext db, CancellationToken ct) =>
            {
                var result = await FollowUpConsents.ViewAsync(db, Scope(http), id, ct);
                return result.Access switch
                {
                    Access.Granted => (IResult)TypedResults.Ok(result.Value),
                    Access.Forbidden => TypedResults.Problem(title: "无权查看", detail: PatientAccess.OutOfScope, statusCode: StatusCodes.Status403Forbidden),
                    _ => TypedResults.Problem(title: "找不到患者", detail: "找不到这位患者，请确认患者 ID。", statusCode: StatusCodes.Status404NotFound),
                };
            })
            .RequireAuthorization(staff).WithSummary("患者的随访知情同意：当前状态和全部登记记录");

        group.MapPost("/patients/{id:long}/consent", async (long id, ConsentInput input, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                Outcome(await FollowUpConsents.RecordAsync(db, Scope(http), id, input, clock.Now, ct), "知情同意没有登记"))
            .RequireAuthorization(staff).WithSummary("登记同意（Given）或撤回（Withdrawn）；撤回会立即取消未执行的任务并停止进行中的计划");
    }

    private static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());

    private static IResult Invalid(string title, IReadOnlyList<string> errors) =>
        TypedResults.Problem(title: title, detail: string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private static IResult Answer(List<string> errors, string title) =>
        errors.Count == 0 ? TypedResults.NoContent() : Invalid(title, errors);

    private static IResult Outcome(ContactOutcome outcome, string title) => outcome switch
    {
        { Succeeded: true } => TypedResults.Ok(outcome),
        { Forbidden: true } => TypedResults.Problem(title: title, detail: outcome.Error, statusCode: StatusCodes.Status403Forbidden),
        { NotFound: true } => TypedResults.Problem(title: title, detail: outcome.Error, statusCode: StatusCodes.Status404NotFound),
        _ => Invalid(title, [outcome.Error!]),
    };
}

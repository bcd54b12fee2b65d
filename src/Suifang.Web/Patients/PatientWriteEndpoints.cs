using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Patients.CreatePatient;
using Suifang.Core.Patients.DeletePatient;
using Suifang.Core.Patients.UpdatePatient;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Security;
using Suifang.Web.Accounts;

namespace Suifang.Web.Patients;

/// Hand entry over REST: create, edit, soft-delete, and encounters. Same validation and scope as the pages.
internal static class PatientWriteEndpoints
{
    public static readonly string[] WriterRoles = [Roles.Admin, Roles.Doctor, Roles.Nurse, Roles.Supervisor];

    public static RouteGroupBuilder MapPatientWriteApi(this RouteGroupBuilder api)
    {
        // The role check answers in Chinese problem details (a role policy would answer an empty 403).
        var patients = api.MapGroup("/patients").WithTags("患者登记与导入").AddEndpointFilter(async (context, next) =>
            WriterRoles.Any(context.HttpContext.User.IsInRole)
                ? await next(context)
                : TypedResults.Problem("您的角色不能登记、修改或导入患者：需要医生、护士、监管或管理员角色。", statusCode: StatusCodes.Status403Forbidden, title: "没有权限"));

        patients.MapPost("/", async (PatientRecord body, HttpContext http, SuifangDbContext db, SensitiveDataProtector protector, HospitalClock clock, CancellationToken ct) =>
                (await new CreatePatientHandler(db, protector, () => clock.Now).HandleAsync(body, Scope(http), ct))
                    .ToHttp(id => TypedResults.Created($"/api/patients/{id}", new { id, url = $"/patients/{id}" })))
            .WithSummary("登记新患者（含首次就诊）").WithDescription("姓名、手机号和首次就诊信息必填；医生和护士只能登记本科室的患者。已存在的患者返回 409 和已有档案的地址。");

        patients.MapPut("/{id:long}", async (long id, PatientRecord body, HttpContext http, SuifangDbContext db, SensitiveDataProtector protector, HospitalClock clock, CancellationToken ct) =>
                (await new UpdatePatientHandler(db, protector, () => clock.Now).HandleAsync(id, body, Scope(http), ct))
                    .ToHttp(pid => TypedResults.Ok(new { id = pid })))
            .WithSummary("修改患者信息").WithDescription("手机号、家属电话、身份证号留空表示不修改。");

        patients.MapDelete("/{id:long}", async (long id, string? reason, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                (await new DeletePatientHandler(db, () => clock.Now).HandleAsync(id, reason, Scope(http), ct))
                    .ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("删除患者（需填写原因）").WithDescription("删除后档案不再显示，原因记入审计日志；同一位患者之后可以重新登记。");

        patients.MapPost("/{id:long}/encounters", async (long id, EncounterRecord body, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                (await new SaveEncounterHandler(db, () => clock.Now).HandleAsync(id, null, body, Scope(http), ct))
                    .ToHttp(pid => TypedResults.Ok(new { id = pid })))
            .WithSummary("为患者添加一次就诊");

        patients.MapPut("/{id:long}/encounters/{encounterId:long}", async (long id, long encounterId, EncounterRecord body, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                (await new SaveEncounterHandler(db, () => clock.Now).HandleAsync(id, encounterId, body, Scope(http), ct))
                    .ToHttp(pid => TypedResults.Ok(new { id = pid })))
            .WithSummary("修改一次就诊（例如办理出院）");

        patients.MapPatientImportApi();
        return api;
    }

    internal static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());
}

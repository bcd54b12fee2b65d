using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Sms;
using Suifang.Web.Accounts;
using Roles = Suifang.Core.Accounts.Roles;

namespace Suifang.Web.Sms;

public sealed record SmsPage(List<SmsRow> Rows, int Total);

public sealed record SmsReplyInput(string Phone, string Text);

public sealed record SmsCheckInput(string Text, SmsPurpose Purpose);

/// /api/sms: the outbox (scoped, masked, audited), a message's history, a patient's reply (退订), the 8.3.2 check,
/// and the progress of a mass sending.
internal static class SmsApi
{
    public static readonly string Viewers = string.Join(',', Roles.Admin, Roles.Supervisor, Roles.Nurse, Roles.Doctor);
    public static readonly string Senders = string.Join(',', Roles.Admin, Roles.Nurse);

    public static void Map(RouteGroupBuilder sms)
    {
        var view = new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Viewers };
        var send = new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Senders };
        sms.MapGet("/messages", ListAsync).RequireAuthorization(view).WithSummary("短信发件箱（按状态、用途、患者筛选；号码已脱敏）");
        sms.MapGet("/messages/{id:long}/history", HistoryAsync).RequireAuthorization(view).WithSummary("一条短信的状态记录（排队、已发送、送达/失败）");
        sms.MapPost("/replies", ReplyAsync).RequireAuthorization(send).WithSummary("登记患者的回复短信；“TD”“退订”即退订短信");
        sms.MapPost("/templates/check", (SmsCheckInput input) => TypedResults.Ok(SmsTemplateCheck.Check(input.Text, input.Purpose)))
            .RequireAuthorization(view).WithSummary("短信模板检查（8.3.2：时间、地点、要做什么，长度与条数）");
        sms.MapGet("/batches/{id:long}", ProgressAsync).RequireAuthorization(view).WithSummary("群发进度");
    }

    private static async Task<Ok<SmsPage>> ListAsync(SuifangDbContext db, HttpContext http, [FromQuery] SmsSendStatus? status,
        [FromQuery] SmsPurpose? purpose, [FromQuery] long? patient, [FromQuery] long? batch, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        var scope = Scope(http);
        var (rows, total) = await SmsQueries.ListAsync(db, scope, new SmsFilter(status, purpose, null, patient, batch, page), ct);
        await SmsQueries.AuditViewAsync(db, scope, $"通过接口查看短信发件箱（{rows.Count} 条）", patient, ct);
        return TypedResults.Ok(new SmsPage(rows, total));
    }

    private static async Task<Results<Ok<List<SmsHistoryRow>>, NotFound<ProblemDetails>>> HistoryAsync(SuifangDbContext db, HttpContext http, long id, CancellationToken ct) =>
        await SmsQueries.HistoryAsync(db, Scope(http), id, ct) is { } rows
            ? TypedResults.Ok(rows)
            : TypedResults.NotFound(new ProblemDetails { Title = "找不到这条短信", Detail = "短信不存在，或发给的患者不在您负责的科室。" });

    private static async Task<Results<Ok<SmsReplyOutcome>, BadRequest<ProblemDetails>>> ReplyAsync(SuifangDbContext db, HttpContext http,
        SensitiveDataProtector protector, HospitalClock clock, SmsReplyInput input, CancellationToken ct)
    {
        var outcome = await SmsReplies.ReceiveAsync(db, protector, Scope(http).HospitalId, input.Phone, input.Text, clock.Now, ct);
        return outcome.Summary.StartsWith("回复号码无法识别", StringComparison.Ordinal)
            ? TypedResults.BadRequest(new ProblemDetails { Title = "号码格式不对", Detail = "请填写患者的 11 位手机号，例如 13812345678。" })
            : TypedResults.Ok(outcome);
    }

    private static async Task<Ok<SmsBatchProgress>> ProgressAsync(SuifangDbContext db, long id, CancellationToken ct) =>
        TypedResults.Ok(await SmsMassSend.ProgressAsync(db, id, ct));

    private static Core.Accounts.StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Suifang.Core.Accounts;
using Suifang.Web.Accounts;

namespace Suifang.Web.Admin.Users;

/// /api/accounts: the same account administration as the 账号管理 page, for admins only.
internal static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/accounts").WithTags("账号管理")
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });

        group.MapGet("/", async (HttpContext http, AccountAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.ListAsync(Scope(http).HospitalId, ct)))
            .WithSummary("列出本院的全部账号（含角色、科室、锁定和停用状态）");

        group.MapGet("/{id}", async Task<Results<Ok<AccountView>, NotFound>> (string id, AccountAdministration admin, CancellationToken ct) =>
            await admin.FindAsync(id, ct) is { } account ? TypedResults.Ok(account) : TypedResults.NotFound())
            .WithSummary("查看一个账号");

        group.MapPost("/", async (NewAccount input, HttpContext http, AccountAdministration admin, CancellationToken ct) =>
            {
                var scope = Scope(http);
                return Answer(await admin.CreateAsync(input, scope.HospitalId, scope.Actor, ct), created: true);
            })
            .WithSummary("新建账号：返回只显示这一次的一次性密码，用户首次登录时必须修改");

        group.MapPut("/{id}", async (string id, AccountChange input, HttpContext http, AccountAdministration admin, CancellationToken ct) =>
            Answer(await admin.UpdateAsync(id, input, Scope(http).Actor, ct)))
            .WithSummary("修改账号的姓名、角色和科室（该账号已打开的页面会重新验证）");

        group.MapPost("/{id}/reset-password", async (string id, HttpContext http, AccountAdministration admin, CancellationToken ct) =>
            Answer(await admin.ResetPasswordAsync(id, Scope(http).Actor, ct)))
            .WithSummary("重置密码：返回新的一次性密码，同时解除锁定");

        group.MapPost("/{id}/unlock", async (string id, HttpContext http, AccountAdministration admin, CancellationToken ct) =>
            Answer(await admin.UnlockAsync(id, Scope(http).Actor, ct)))
            .WithSummary("解除因多次输错密码造成的锁定");

        group.MapPost("/{id}/disable", async (string id, HttpContext http, AccountAdministration admin, CancellationToken ct) =>
            Answer(await admin.SetDisabledAsync(id, true, Scope(http).Actor, ct)))
            .WithSummary("停用账号（不能再登录，已打开的页面会失效）");

        group.MapPost("/{id}/enable", async (string id, HttpContext http, AccountAdministration admin, CancellationToken ct) =>
            Answer(await admin.SetDisabledAsync(id, false, Scope(http).Actor, ct)))
            .WithSummary("重新启用账号");
        return api;
    }

    private static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());

    private static IResult Answer(AccountOutcome outcome, bool created = false)
    {
        if (outcome.NotFound)
            return TypedResults.Problem(title: "找不到账号", detail: outcome.Errors[0], statusCode: StatusCodes.Status404NotFound);
        if (!outcome.Succeeded)
            return TypedResults.Problem(title: "账号没有保存", detail: string.Join(" ", outcome.Errors), statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors });
        var body = new AccountResponse(outcome.Account!, outcome.OneTimePassword);
        return created ? TypedResults.Created($"/api/accounts/{body.Account.Id}", body) : TypedResults.Ok(body);
    }
}

/// An account after a change; OneTimePassword is set only when one was issued (create, reset).
internal sealed record AccountResponse(AccountView Account, string? OneTimePassword);

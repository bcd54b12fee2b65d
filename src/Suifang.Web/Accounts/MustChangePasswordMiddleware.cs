namespace Suifang.Web.Accounts;

/// Until a first-login or reset password is changed, every page leads to the change-password page
/// and the API answers 403 with the reason.
internal sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        var path = context.Request.Path;
        if (user.Identity?.IsAuthenticated == true && user.HasClaim(StaffClaimTypes.MustChangePassword, "true")
            && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/_framework")
            && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/health")
            && !Path.HasExtension(path.Value))
        {
            if (path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new { title = "请先修改初始密码", detail = "此账号使用的是初始密码或重置后的密码，请先在网页上登录并修改密码，再调用接口。" });
                return;
            }
            context.Response.Redirect("/account/change-password");
            return;
        }
        await next(context);
    }
}

using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Web.Admin;

namespace Suifang.Web.Accounts;

internal static class AccountsModule
{
    public static WebApplicationBuilder AddSuifangAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentStaff>();
        services.AddScoped<CircuitHandler, ClientAddressCircuitHandler>();
        services.AddScoped<ClientAddress>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "suifang.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // The REST API answers 401/403 instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SuifangDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddScoped<AdminBootstrapper>();
        services.AddAdministration();
        return builder;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        }).ExcludeFromDescription();
        return app;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            // A body of its own keeps the status-code pages from turning the answer into an HTML page.
            ctx.Response.StatusCode = status;
            var (title, detail) = status == StatusCodes.Status401Unauthorized
                ? ("请先登录", "接口使用与网页相同的登录：请先在浏览器登录（或携带登录 Cookie）再调用接口。")
                : ("没有权限", "您的账号没有使用这个接口的权限，例如账号、科室和审计管理只对管理员开放。如确需使用，请联系管理员。");
            return ctx.Response.WriteAsJsonAsync(new { title, detail, status }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

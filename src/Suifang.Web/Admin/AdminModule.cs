using Suifang.Web.Admin.Users;

namespace Suifang.Web.Admin;

/// Account, department and audit administration (admins), registered from the accounts module.
internal static class AdminModule
{
    public static IServiceCollection AddAdministration(this IServiceCollection services) =>
        services.AddScoped<AccountAdministration>();
}

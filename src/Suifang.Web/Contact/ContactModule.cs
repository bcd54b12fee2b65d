using Suifang.Core.Contact;

namespace Suifang.Web.Contact;

/// Contact rules (7.2.2, 5.2.2): the gate the task engine asks, the settings, do-not-call and consent pages and API.
internal static class ContactWebModule
{
    public static WebApplicationBuilder AddContact(this WebApplicationBuilder builder)
    {
        builder.Services.AddContactRules();
        return builder;
    }

    public static RouteGroupBuilder MapContactApi(this RouteGroupBuilder api)
    {
        ContactApi.Map(api.MapGroup("/contact").WithTags("联系规则与免打扰"));
        return api;
    }
}

using MudBlazor.Services;
using Suifang.Web.Help;

namespace Suifang.Web.Hosting;

internal static class UiModule
{
    public static WebApplicationBuilder AddSuifangUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<HelpCentre>();
        return builder;
    }
}

using MudBlazor;

namespace Suifang.Web.Components.Layout;

/// One look across every module (8.3.1): colours, type and shapes come from here only.
internal static class SuifangTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565C0",
            Secondary = "#00897B",
            AppbarBackground = "#1565C0",
            Error = "#C62828",
            Warning = "#EF6C00",
            Success = "#2E7D32",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "sans-serif"],
            },
        },
    };
}

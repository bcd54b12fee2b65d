using Microsoft.Extensions.Localization;

namespace Suifang.Web.Admin.AuditTrail;

/// Chinese names of the log's action and entity codes; an unknown code is shown as it is.
internal static class AuditNames
{
    public static string Action(IStringLocalizer<AuditText> l, string? code) => Name(l, "Action", code);

    public static string Entity(IStringLocalizer<AuditText> l, string? code) => Name(l, "Entity", code);

    private static string Name(IStringLocalizer<AuditText> l, string kind, string? code)
    {
        if (string.IsNullOrEmpty(code))
            return "";
        var text = l[$"{kind}.{code}"];
        return text.ResourceNotFound ? code : text.Value;
    }
}

namespace Suifang.Web.Hosting;

/// 问题编号 (8.2.2): the id an error message shows and the log entry carries, so IT can find the failure from what the
/// user reads to them. One per request (the request's trace identifier), sent back as X-Correlation-Id.
internal static class Correlation
{
    public const string Header = "X-Correlation-Id";

    public static string Of(HttpContext context) => context.TraceIdentifier;

    /// A new id for a failure outside a request (a Blazor circuit event).
    public static string New() => "C-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static IApplicationBuilder UseCorrelationHeader(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // OnStarting survives the exception handler clearing the response, so the error page's id is in the header too.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = Of(context);
            return Task.CompletedTask;
        });
        return next(context);
    });
}

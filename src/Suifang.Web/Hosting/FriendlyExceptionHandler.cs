using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Suifang.Web.Hosting;

/// Turns an unexpected failure into a Chinese message that says what to do, never a stack trace (8.2.2).
/// The API gets problem details; pages get the error page with the correlation id, which the log line carries too.
internal sealed class FriendlyExceptionHandler(ILogger<FriendlyExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        log.LogError(exception, "Unhandled error on {Path} (correlation id {CorrelationId})", context.Request.Path, Correlation.Of(context));
        if (!context.Request.Path.StartsWithSegments("/api"))
            return false;
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await ChineseProblems.WriteAsync(context, new ProblemDetails
        {
            Title = "服务器处理请求时出错",
            Detail = $"请求没有完成，数据未被修改。请稍后重试；若问题持续，请把问题编号 {Correlation.Of(context)} 告诉信息科。",
            Status = StatusCodes.Status500InternalServerError,
        }, ct);
        return true;
    }
}

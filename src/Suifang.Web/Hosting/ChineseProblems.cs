using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Suifang.Web.Localization;

namespace Suifang.Web.Hosting;

/// Every problem details response speaks Chinese (8.2.2): the framework's English titles ("Bad Request", "Not Found",
/// validation and binding failures) are replaced by what happened and what to do, the exception is never written, and
/// the correlation id is added so IT can find the log entry.
internal static class ChineseProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var (title, detail) = Words(status);
        if (string.IsNullOrEmpty(problem.Title) || !HasChinese(problem.Title))
            problem.Title = title;
        if (string.IsNullOrEmpty(problem.Detail) || !HasChinese(problem.Detail))
            problem.Detail = detail;
        // No exception or framework text travels to the user; validation errors keep only their field names here.
        problem.Extensions.Remove("exception");
        problem.Type = null;
        if (problem is HttpValidationProblemDetails validation)
            foreach (var key in validation.Errors.Keys.ToList())
                validation.Errors[key] = validation.Errors[key].Select(m => HasChinese(m) ? m : $"“{key}”的值格式不对，请检查后重新填写。").ToArray();
        problem.Extensions["correlationId"] = Correlation.Of(context.HttpContext);
        problem.Extensions.Remove("traceId");
        problem.Instance = null;
    }

    public static (string Title, string Detail) Words(int status) => status switch
    {
        400 => ("请求的内容有误", "提交的数据格式不对或缺少必填项。请检查填写的内容后重试；如果是接口调用，请对照 /scalar/v1 的接口文档。"),
        401 => ("请先登录", "您还没有登录或登录已过期。请重新登录后再试。"),
        403 => ("没有权限", "您的账号没有执行这个操作的权限，或数据不属于您负责的科室。如需开通，请联系管理员。"),
        404 => ("找不到要访问的内容", "地址可能有误，或者数据已被删除。请回到列表刷新后再试。"),
        405 => ("不支持这种操作方式", "这个地址不支持当前的请求方式。请对照 /scalar/v1 的接口文档使用正确的方式。"),
        409 => ("数据已被他人修改", "您看到的数据已经过期。请刷新后在最新的数据上重新操作。"),
        413 => ("上传的内容太大", "请把文件拆小后再上传。"),
        415 => ("不支持这种数据格式", "请以 JSON 格式（Content-Type: application/json）提交数据。"),
        429 => ("操作太频繁", "请稍等片刻再试。"),
        >= 500 => ("服务器处理请求时出错", "请求没有完成，数据未被修改。请稍后重试；若问题持续，请把问题编号告诉信息科。"),
        _ => ("请求没有完成", "请检查后重试；若问题持续，请把问题编号告诉信息科。"),
    };

    private static bool HasChinese(string text) => text.Any(c => c >= '\u4e00' && c <= '\u9fff');

    /// Writes the problem as JSON directly (the same words as the problem details service), whatever the Accept header.
    public static Task WriteAsync(HttpContext http, ProblemDetails problem, CancellationToken ct)
    {
        Customize(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        return http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
    }

    /// The status code page (8.2.2): an empty error response of the API becomes Chinese problem details; of a page, a
    /// small Chinese page that says what happened and what to do (written here, not re-executed, so it never depends on
    /// routing or sign-in).
    public static async Task StatusCodePageAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await WriteAsync(http, new ProblemDetails { Status = status }, http.RequestAborted);
            return;
        }
        await WritePageAsync(http, status);
    }

    /// An unhandled exception (UseExceptionHandler): logged with the correlation id, answered in Chinese with that id —
    /// problem details for the API, the error page for pages. Written here, never re-executed, never the exception.
    public static async Task ExceptionAsync(HttpContext http)
    {
        var failure = http.Features.Get<IExceptionHandlerFeature>();
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Suifang.Web.Errors")
            .LogError(failure?.Error, "Unhandled error on {Path} (correlation id {CorrelationId})", failure?.Path ?? http.Request.Path.Value, Correlation.Of(http));
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if ((failure?.Path ?? http.Request.Path.Value ?? "").StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(http, new ProblemDetails
            {
                Title = "服务器处理请求时出错",
                Detail = $"请求没有完成，数据未被修改。请稍后重试；若问题持续，请把问题编号 {Correlation.Of(http)} 告诉信息科。",
                Status = StatusCodes.Status500InternalServerError,
            }, http.RequestAborted);
            return;
        }
        await WritePageAsync(http, StatusCodes.Status500InternalServerError);
    }

    private static async Task WritePageAsync(HttpContext http, int status)
    {
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<CommonText>>();
        var (title, body) = status switch
        {
            404 => (t["NotFound.Title"].Value, t["NotFound.Body"].Value),
            401 => (t["Status.401.Title"].Value, t["Status.401.Body"].Value),
            403 => (t["Status.403.Title"].Value, t["Status.403.Body"].Value),
            >= 500 => (t["Error.Title"].Value, t["Error.Body"].Value),
            _ => (t["Status.Other.Title"].Value, t["Status.Other.Body"].Value),
        };
        var reference = status >= 500 ? $"<p class=\"muted\">{E(t["Error.Reference", Correlation.Of(http)].Value)}</p>" : "";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
            <title>{E(title)}</title><link rel="stylesheet" href="/app.css"></head>
            <body><div class="account-shell"><div class="account-card"><div class="account-brand">{E(t["App.Name"].Value)}</div>
            <h1 data-testid="status-title">{E(title)}</h1><p data-testid="status-body">{E(body)}</p>{reference}
            <p><a href="/">{E(t["NotFound.Home"].Value)}</a></p></div></div></body></html>
            """, http.RequestAborted);
    }

    private static string E(string text) => System.Net.WebUtility.HtmlEncode(text);
}

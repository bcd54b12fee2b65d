using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Sms;
using Suifang.Integrations.Sms;

namespace Suifang.Web.Sms;

/// The providers' push: /hooks/sms/aliyun/{secret}/report|up and /hooks/sms/tencent/{secret}/status|reply. Anonymous
/// by the providers' design, so guarded here: the secret in the path (constant-time compare; wrong or unset → 404),
/// the source address allow-list (→ 403), a body size limit (→ 413). Receipts and replies are idempotent, so a push
/// repeated by the provider changes nothing. Logs carry counts, never numbers or texts.
internal static class SmsCallbackEndpoints
{
    private enum Kind { AliyunReport, AliyunUp, TencentStatus, TencentReply }

    public static void Map(IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/hooks/sms").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        hooks.MapPost("/aliyun/{secret}/report", (HttpContext c, string secret) => HandleAsync(c, secret, Kind.AliyunReport));
        hooks.MapPost("/aliyun/{secret}/up", (HttpContext c, string secret) => HandleAsync(c, secret, Kind.AliyunUp));
        hooks.MapPost("/tencent/{secret}/status", (HttpContext c, string secret) => HandleAsync(c, secret, Kind.TencentStatus));
        hooks.MapPost("/tencent/{secret}/reply", (HttpContext c, string secret) => HandleAsync(c, secret, Kind.TencentReply));
    }

    private static async Task<IResult> HandleAsync(HttpContext http, string secret, Kind kind)
    {
        // The providers read status codes, not the staff UI's friendly not-found page.
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<SmsCallbackOptions>>().Value;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Suifang.Sms.Callbacks");
        var aliyun = kind is Kind.AliyunReport or Kind.AliyunUp;
        if (!options.SecretMatches(secret))
            return Results.NotFound();
        if (!options.Allows(http.Connection.RemoteIpAddress))
        {
            log.LogWarning("SMS callback {Kind} refused: source address {Address} is not on Sms:Callback:AllowedIps", kind, http.Connection.RemoteIpAddress);
            return Answer(aliyun, "来源地址不在允许列表中", StatusCodes.Status403Forbidden);
        }
        var body = await ReadLimitedAsync(http.Request, options.MaxBodyBytes, http.RequestAborted);
        if (body is null)
            return Answer(aliyun, $"请求过大（上限 {options.MaxBodyBytes} 字节）", StatusCodes.Status413PayloadTooLarge);
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(body);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Answer(aliyun, "不是有效的 JSON", StatusCodes.Status400BadRequest);
        }

        var factory = services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        var now = services.GetRequiredService<HospitalClock>().Now;
        try
        {
            if (kind is Kind.AliyunReport or Kind.TencentStatus)
            {
                var receipts = kind == Kind.AliyunReport ? AliyunCallbacks.Receipts(root) : TencentCallbacks.Receipts(root);
                await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
                var provider = kind == Kind.AliyunReport ? AliyunCallbacks.Provider : TencentCallbacks.Provider;
                var settled = await SmsReceipts.ApplyAsync(db, provider, receipts, now, http.RequestAborted);
                log.LogInformation("SMS callback {Kind}: {Count} receipts, {Settled} settled", kind, receipts.Count, settled);
            }
            else
            {
                var replies = kind == Kind.AliyunUp ? AliyunCallbacks.Replies(root, now) : TencentCallbacks.Replies(root, now);
                var protector = services.GetRequiredService<SensitiveDataProtector>();
                var reader = services.GetRequiredService<ISmsReplyReader>();
                var added = 0;
                foreach (var reply in replies)
                {
                    await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
                    if (await SmsInbox.ReceiveAsync(db, protector, reader, reply, now, http.RequestAborted) is { Duplicate: false })
                        added++;
                }
                log.LogInformation("SMS callback {Kind}: {Count} replies, {Added} new", kind, replies.Count, added);
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            // 50x makes the provider push again later (Aliyun after 1, 5, 10 minutes).
            log.LogError(e, "SMS callback {Kind} could not be stored", kind);
            return Answer(aliyun, "暂时无法处理，请稍后重推", StatusCodes.Status503ServiceUnavailable);
        }
        return Results.Text(aliyun ? AliyunCallbacks.Ok : TencentCallbacks.Ok, "application/json; charset=utf-8");
    }

    private static IResult Answer(bool aliyun, string why, int status) =>
        Results.Text(aliyun ? AliyunCallbacks.Failed(why) : TencentCallbacks.Failed(why), "application/json; charset=utf-8", statusCode: status);

    /// The body, or null when it is larger than the limit (by Content-Length or by what arrives).
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

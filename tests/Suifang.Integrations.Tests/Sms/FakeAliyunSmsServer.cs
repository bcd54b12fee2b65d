using System.Text.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Suifang.Integrations.Tests.Speech;

namespace Suifang.Integrations.Tests.Sms;

public enum FakeSmsMode
{
    Ok,
    Throttle,
    RejectTemplate,
    Stall,
}

/// A local server speaking Alibaba Cloud's dysmsapi RPC (2017-05-25): SendSms and QuerySendDetails, form POST to "/".
/// It verifies every request's signature itself (its own canonicalisation with Uri.EscapeDataString, HMAC-SHA1 with
/// secret + "&"), the timestamp and the nonce, and answers with Aliyun's error codes.
internal sealed class FakeAliyunSmsServer : IAsyncDisposable
{
    public const string KeyId = "LTAI5tTestKeyId";
    public const string KeySecret = "test-secret-值";

    private readonly WebApplication _app;
    private readonly HashSet<string> _nonces = [];

    private FakeAliyunSmsServer(WebApplication app, Uri address) => (_app, Endpoint) = (app, address.ToString());

    public string Endpoint { get; }
    public FakeSmsMode Mode { get; set; }
    public List<Dictionary<string, string>> Sent { get; } = [];
    public HashSet<string> EmptyNumbers { get; } = [];
    public int Requests { get; private set; }

    /// The BizIds QuerySendDetails was asked about.
    public List<string> Queried { get; } = [];

    public static async Task<FakeAliyunSmsServer> StartAsync()
    {
        FakeAliyunSmsServer? server = null;
        var (app, address) = await LocalServer.StartAsync(a => a.MapPost("/", (Func<HttpContext, Task<IResult>>)(c => server!.HandleAsync(c))));
        server = new FakeAliyunSmsServer(app, address);
        return server;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        Requests++;
        var form = await context.Request.ReadFormAsync();
        var p = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        if (Mode == FakeSmsMode.Stall)
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
        if (p.GetValueOrDefault("AccessKeyId") != KeyId)
            return Error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        if (p.GetValueOrDefault("Version") != "2017-05-25" || p.GetValueOrDefault("SignatureMethod") != "HMAC-SHA1" || p.GetValueOrDefault("SignatureVersion") != "1.0")
            return Error(400, "MissingParameter", "Version/SignatureMethod/SignatureVersion");
        if (!DateTime.TryParseExact(p.GetValueOrDefault("Timestamp"), "yyyy-MM-dd'T'HH:mm:ss'Z'", null,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var ts)
            || Math.Abs((DateTime.UtcNow - ts).TotalMinutes) > 15)
            return Error(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        if (!_nonces.Add(p.GetValueOrDefault("SignatureNonce") ?? ""))
            return Error(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        if (p.GetValueOrDefault("Signature") != Expected(p))
            return Error(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");

        return p["Action"] switch
        {
            "SendSms" => Send(p),
            "QuerySendDetails" => Query(p),
            _ => Error(400, "InvalidAction.NotFound", "unknown action"),
        };
    }

    private IResult Send(Dictionary<string, string> p)
    {
        if (Mode == FakeSmsMode.Throttle)
            return Json(new { Code = "isv.BUSINESS_LIMIT_CONTROL", Message = "触发号码天级流控Permits:10", RequestId = Guid.NewGuid() });
        if (Mode == FakeSmsMode.RejectTemplate)
            return Json(new { Code = "isv.SMS_TEMPLATE_ILLEGAL", Message = "该账号下找不到对应模板", RequestId = Guid.NewGuid() });
        Sent.Add(p);
        return Json(new { Code = "OK", Message = "OK", BizId = $"9000{Sent.Count}^0", RequestId = Guid.NewGuid() });
    }

    private IResult Query(Dictionary<string, string> p)
    {
        Queried.Add(p["BizId"]);
        if (Mode == FakeSmsMode.Throttle)
            return Json(new { Code = "Throttling.User", Message = "Request was denied due to user flow control.", RequestId = Guid.NewGuid() });
        var sent = Sent.FirstOrDefault(s => $"9000{Sent.IndexOf(s) + 1}^0" == p["BizId"] && s["PhoneNumbers"] == p["PhoneNumber"]);
        var details = sent is null ? [] : new[]
        {
            new
            {
                PhoneNum = sent["PhoneNumbers"], SendStatus = EmptyNumbers.Contains(sent["PhoneNumbers"]) ? 2 : 3,
                ErrCode = EmptyNumbers.Contains(sent["PhoneNumbers"]) ? "MK:0001" : "DELIVERED",
                TemplateCode = sent["TemplateCode"], Content = "【测试】", SendDate = "2026-11-30 10:00:00", ReceiveDate = "2026-11-30 10:00:05", OutId = sent["OutId"],
            },
        };
        return Json(new { Code = "OK", Message = "OK", TotalCount = details.Length, SmsSendDetailDTOs = new { SmsSendDetailDTO = details }, RequestId = Guid.NewGuid() });
    }

    private static string Expected(Dictionary<string, string> p)
    {
        var sorted = p.Where(x => x.Key != "Signature").OrderBy(x => x.Key, StringComparer.Ordinal);
        var query = string.Join("&", sorted.Select(x => Uri.EscapeDataString(x.Key) + "=" + Uri.EscapeDataString(x.Value)));
        var toSign = "POST&%2F&" + Uri.EscapeDataString(query);
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(KeySecret + "&"));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(toSign)));
    }

    private static IResult Error(int status, string code, string message) =>
        Json(new { Code = code, Message = message, RequestId = Guid.NewGuid(), HostId = "dysmsapi.aliyuncs.com" }, status);

    /// Both clouds answer in PascalCase (the minimal API's default is camelCase).
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = null };

    private static IResult Json(object value, int status = 200) => Results.Json(value, Options, statusCode: status);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Suifang.Integrations.Tests.Speech;

namespace Suifang.Integrations.Tests.Sms;

/// A local server speaking Tencent Cloud SMS API 3.0 (2021-01-11): SendSms and PullSmsSendStatus, JSON POST to "/".
/// It recomputes the TC3-HMAC-SHA256 signature from the request as received (method, host, content type, body hash),
/// refuses stale timestamps, and answers with Tencent's error codes.
internal sealed class FakeTencentSmsServer : IAsyncDisposable
{
    public const string SecretId = "AKIDtestSecretId";
    public const string SecretKey = "test-secret-key";
    public const string AppId = "1400006666";

    private readonly WebApplication _app;
    private readonly List<(string Serial, string Phone, string Session)> _unreported = [];

    private FakeTencentSmsServer(WebApplication app, Uri address) => (_app, Endpoint) = (app, address.ToString());

    public string Endpoint { get; }
    public FakeSmsMode Mode { get; set; }
    public List<JsonElement> Sent { get; } = [];
    public HashSet<string> EmptyNumbers { get; } = [];

    /// Replies waiting to be pulled (PullSmsReplyStatus hands each out once).
    public List<(string Phone, string Text, DateTimeOffset At)> Replies { get; } = [];

    /// Pulls answer RequestLimitExceeded (and keep what they hold) while set.
    public bool PullThrottled { get; set; }
    public int Pulls { get; private set; }

    public static async Task<FakeTencentSmsServer> StartAsync()
    {
        FakeTencentSmsServer? server = null;
        var (app, address) = await LocalServer.StartAsync(a => a.MapPost("/", (Func<HttpContext, Task<IResult>>)(c => server!.HandleAsync(c))));
        server = new FakeTencentSmsServer(app, address);
        return server;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
        if (Mode == FakeSmsMode.Stall)
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
        var h = context.Request.Headers;
        if (h["X-TC-Version"] != "2021-01-11")
            return Error("InvalidParameter", "Version");
        if (!long.TryParse(h["X-TC-Timestamp"], out var ts) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - ts) > 300)
            return Error("AuthFailure.SignatureExpire", "签名过期");
        var auth = h.Authorization.ToString();
        var credential = Part(auth, "Credential=").Split('/');
        if (credential[0] != SecretId)
            return Error("AuthFailure.SecretIdNotFound", "密钥不存在");
        if (Part(auth, "SignedHeaders=") != "content-type;host" || Part(auth, "Signature=") != Sign(context.Request.ContentType!, context.Request.Host.Value!, body, ts, credential[1]))
            return Error("AuthFailure.SignatureFailure", "签名验证失败");

        using var doc = JsonDocument.Parse(body);
        var json = doc.RootElement.Clone();
        return h["X-TC-Action"].ToString() switch
        {
            "SendSms" => Send(json),
            "PullSmsSendStatus" or "PullSmsReplyStatus" when PullThrottled => Counted(Error("RequestLimitExceeded", "请求的次数超过了频率限制")),
            "PullSmsSendStatus" => Counted(Pull()),
            "PullSmsReplyStatus" => Counted(PullReplies(json)),
            _ => Error("InvalidAction", "unknown action"),
        };
    }

    private IResult Send(JsonElement json)
    {
        if (json.GetProperty("SmsSdkAppId").GetString() != AppId)
            return Error("UnauthorizedOperation.SmsSdkAppIdVerifyFail", "SdkAppId 校验失败");
        var phone = json.GetProperty("PhoneNumberSet")[0].GetString()!;
        var session = json.GetProperty("SessionContext").GetString() ?? "";
        var (code, message) = Mode switch
        {
            FakeSmsMode.Throttle => ("LimitExceeded.PhoneNumberThirtySecondLimit", "单个手机号30秒内下发短信条数超过设定的上限"),
            FakeSmsMode.RejectTemplate => ("FailedOperation.TemplateIncorrectOrUnapproved", "模板未审核或内容不匹配"),
            _ => ("Ok", "send success"),
        };
        var serial = code == "Ok" ? $"5000:104571066915705365784949{9619 + Sent.Count}" : "";
        if (code == "Ok")
        {
            Sent.Add(json);
            _unreported.Add((serial, phone, session));
        }
        return Json(new
        {
            Response = new
            {
                SendStatusSet = new[] { new { SerialNo = serial, PhoneNumber = phone, Fee = 1, SessionContext = session, Code = code, Message = message, IsoCode = "CN" } },
                RequestId = Guid.NewGuid().ToString(),
            },
        });
    }

    private IResult Pull()
    {
        var set = _unreported.Select(u => new
        {
            UserReceiveTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), CountryCode = "86", SubscriberNumber = u.Phone[3..], PhoneNumber = u.Phone,
            SerialNo = u.Serial, ReportStatus = EmptyNumbers.Contains(u.Phone[3..]) ? "FAIL" : "SUCCESS",
            Description = EmptyNumbers.Contains(u.Phone[3..]) ? "空号" : "用户短信送达成功", SessionContext = u.Session,
        }).ToList();
        _unreported.Clear();
        return Json(new { Response = new { PullSmsSendStatusSet = set, RequestId = Guid.NewGuid().ToString() } });
    }

    private IResult Counted(IResult result)
    {
        Pulls++;
        return result;
    }

    private IResult PullReplies(JsonElement json)
    {
        if (json.GetProperty("SmsSdkAppId").GetString() != AppId)
            return Error("UnauthorizedOperation.SmsSdkAppIdVerifyFail", "SdkAppId 校验失败");
        var set = Replies.Select(r => new
        {
            SmsSdkAppId = AppId, ReplyContent = r.Text, ReplyTime = r.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss"),
            ReplyUnixTime = r.At.ToUnixTimeSeconds(), CountryCode = "86", PhoneNumber = "+86" + r.Phone, SubscriberNumber = r.Phone,
            ExtendCode = "", SignName = "第一人民医院",
        }).ToList();
        Replies.Clear();
        return Json(new { Response = new { PullSmsReplyStatusSet = set, RequestId = Guid.NewGuid().ToString() } });
    }

    private static string Sign(string contentType, string host, string body, long ts, string date)
    {
        static byte[] Mac(byte[] key, string s) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(s));
        static string Sha(string s) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
        var canonical = string.Join("\n", "POST", "/", "", $"content-type:{contentType.ToLowerInvariant()}", $"host:{host}", "", "content-type;host", Sha(body));
        var toSign = string.Join("\n", "TC3-HMAC-SHA256", ts.ToString(), $"{date}/sms/tc3_request", Sha(canonical));
        var key = Mac(Mac(Mac(Encoding.UTF8.GetBytes("TC3" + SecretKey), date), "sms"), "tc3_request");
        return Convert.ToHexString(Mac(key, toSign)).ToLowerInvariant();
    }

    private static string Part(string auth, string name)
    {
        var i = auth.IndexOf(name, StringComparison.Ordinal);
        if (i < 0)
            return "";
        var rest = auth[(i + name.Length)..];
        var end = rest.IndexOf(',');
        return (end < 0 ? rest : rest[..end]).Trim();
    }

    private static IResult Error(string code, string message) =>
        Json(new { Response = new { Error = new { Code = code, Message = message }, RequestId = Guid.NewGuid().ToString() } });

    /// Both clouds answer in PascalCase (the minimal API's default is camelCase).
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = null };

    private static IResult Json(object value, int status = 200) => Results.Json(value, Options, statusCode: status);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Suifang.Core.Sms;

namespace Suifang.Integrations.Sms;

/// 腾讯云短信 (API 2021-01-11): SendSms with a template id and its parameters in template order, PullSmsSendStatus for
/// receipts (the pulled statuses of all recent messages, matched by SerialNo), PullSmsReplyStatus for patients' replies
/// (fallback to the callbacks, TencentCallbacks). Signed with TC3-HMAC-SHA256.
public sealed class TencentSmsProvider(HttpClient http, TencentSmsOptions options, TimeSpan timeout, TimeProvider? time = null) : ISmsProvider, ISmsReplyPuller
{
    public const string Version = "2021-01-11";
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Name => "腾讯云";

    public async Task<SmsProviderResult> SendAsync(SmsProviderRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.TemplateCode))
            return new(SmsProviderOutcome.Rejected, "腾讯云短信只能按审核通过的模板发送：请在“短信模板”中为这条短信的模板填写腾讯云模板 ID。");
        var body = JsonSerializer.Serialize(new
        {
            PhoneNumberSet = new[] { "+86" + request.Phone },
            SmsSdkAppId = options.SdkAppId,
            SignName = options.SignName,
            TemplateId = request.TemplateCode,
            TemplateParamSet = request.Parameters.Select(p => p.Value).ToArray(),
            SessionContext = request.MessageId.ToString(CultureInfo.InvariantCulture),
        });
        var (response, failure) = await CallAsync("SendSms", body, ct);
        if (failure is not null)
            return failure;
        if (Error(response) is { } error)
            return Classify(error.Code, error.Message);
        if (!response.TryGetProperty("SendStatusSet", out var set) || set.GetArrayLength() == 0)
            return new(SmsProviderOutcome.Unavailable, "腾讯云没有返回发送结果");
        var status = set[0];
        var code = Str(status, "Code");
        return code == "Ok" ? SmsProviderResult.Accepted(Str(status, "SerialNo")) : Classify(code, Str(status, "Message"));
    }

    public async Task<IReadOnlyList<SmsReceipt>> PollReceiptsAsync(IReadOnlyList<SmsSentMessage> sent, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new { Limit = 100, SmsSdkAppId = options.SdkAppId });
        var (response, failure) = await CallAsync("PullSmsSendStatus", body, ct);
        if (failure is not null || Error(response) is not null || !response.TryGetProperty("PullSmsSendStatusSet", out var set))
            return [];
        var receipts = new List<SmsReceipt>();
        foreach (var s in set.EnumerateArray())
        {
            var at = s.TryGetProperty("UserReceiveTime", out var t) && t.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeSeconds(t.GetInt64()).ToOffset(TimeSpan.FromHours(8)).DateTime : (DateTime?)null;
            var delivered = Str(s, "ReportStatus") == "SUCCESS";
            var description = Str(s, "Description");
            receipts.Add(new SmsReceipt(Str(s, "SerialNo"), delivered,
                delivered ? "已送达患者手机。" : $"运营商未能送达（{description}），常见原因：空号、停机、关机或拒收", at));
        }
        return receipts;
    }

    /// PullSmsReplyStatus: the replies not pulled before (at most 100 a call). An error (throttled, not enabled for the
    /// account) gives none; the replies stay at Tencent for the next pull.
    public async Task<IReadOnlyList<SmsInboundReply>> PullRepliesAsync(CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new { Limit = 100, SmsSdkAppId = options.SdkAppId });
        var (response, failure) = await CallAsync("PullSmsReplyStatus", body, ct);
        if (failure is not null || Error(response) is not null || !response.TryGetProperty("PullSmsReplyStatusSet", out var set)
            || set.ValueKind != JsonValueKind.Array)
            return [];
        var replies = new List<SmsInboundReply>();
        foreach (var r in set.EnumerateArray())
        {
            var phone = Str(r, "SubscriberNumber") is { Length: > 0 } subscriber ? subscriber : Str(r, "PhoneNumber");
            var at = r.TryGetProperty("ReplyUnixTime", out var t) && t.ValueKind == JsonValueKind.Number
                ? TencentCallbacks.BeijingTime(t.GetInt64())
                : DateTime.TryParse(Str(r, "ReplyTime"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : DateTime.MinValue;
            var sign = Str(r, "SignName") is { Length: > 0 } s ? s : Str(r, "Sign");
            replies.Add(new SmsInboundReply(Name, phone, Str(r, "ReplyContent"), at, sign, Str(r, "ExtendCode")));
        }
        return replies;
    }

    /// The Chinese reason for an error code (腾讯云短信错误码).
    public static SmsProviderResult Classify(string code, string message) => code switch
    {
        _ when code.StartsWith("LimitExceeded.", StringComparison.Ordinal) || code == "RequestLimitExceeded" =>
            new(SmsProviderOutcome.Throttled, $"腾讯云频率限制：发送过于频繁（{code}），稍后重试", Code: code),
        "FailedOperation.TemplateIncorrectOrUnapproved" or "FailedOperation.MissingTemplateToModify" => new(SmsProviderOutcome.Rejected,
            $"腾讯云拒绝了短信模板（{code}）：模板 ID 不存在或未审核通过。请在腾讯云控制台确认模板已通过审核，并在“短信模板”中填写正确的模板 ID。", Code: code),
        "FailedOperation.SignatureIncorrectOrUnapproved" => new(SmsProviderOutcome.Rejected,
            $"腾讯云拒绝了短信签名（{code}）：签名未审核通过。请管理员在短信设置中填写审核通过的签名。", Code: code),
        "InvalidParameterValue.IncorrectPhoneNumber" => new(SmsProviderOutcome.Rejected, $"手机号格式不正确（{code}），请核对患者档案中的号码。", Code: code),
        "FailedOperation.PhoneNumberInBlacklist" => new(SmsProviderOutcome.Rejected, $"该号码在运营商黑名单中（通常是用户退订过短信，{code}）。", Code: code),
        "InvalidParameterValue.TemplateParameterFormatError" or "InvalidParameterValue.TemplateParameterLengthLimit" or "FailedOperation.TemplateParamSetNotMatchApprovedTemplate"
            => new(SmsProviderOutcome.Rejected, $"短信变量与腾讯云模板不一致（{code}）：请核对模板变量的个数、顺序和长度。", Code: code),
        "FailedOperation.InsufficientBalanceInSmsPackage" => new(SmsProviderOutcome.Unavailable, $"腾讯云短信套餐包余量不足（{code}），请管理员购买套餐包", Code: code),
        _ when code.StartsWith("AuthFailure", StringComparison.Ordinal) || code == "UnauthorizedOperation.SmsSdkAppIdVerifyFail"
            => new(SmsProviderOutcome.Unavailable, $"腾讯云拒绝了访问密钥（{code}）：请管理员检查 SecretId/SecretKey 和 SdkAppId 是否正确", Code: code),
        _ when code.StartsWith("InternalError", StringComparison.Ordinal) => new(SmsProviderOutcome.Unavailable, $"腾讯云短信平台暂时出错（{code}）", Code: code),
        _ => new(SmsProviderOutcome.Rejected, $"腾讯云拒绝发送（{code}：{message}）", Code: code),
    };

    private async Task<(JsonElement Response, SmsProviderResult? Failure)> CallAsync(string action, string body, CancellationToken ct)
    {
        var endpoint = new Uri(options.Endpoint);
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(TencentSignature.ContentType);
        request.Headers.Host = endpoint.Authority;
        request.Headers.TryAddWithoutValidation("Authorization",
            TencentSignature.Authorization(options.SecretId, options.SecretKey, "sms", endpoint.Authority, timestamp, body));
        request.Headers.Add("X-TC-Action", action);
        request.Headers.Add("X-TC-Version", Version);
        request.Headers.Add("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-TC-Region", options.Region);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, cts.Token);
            var text = await response.Content.ReadAsStringAsync(cts.Token);
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("Response", out var r)
                ? (r.Clone(), null)
                : (default, new(SmsProviderOutcome.Unavailable, "腾讯云返回的内容无法识别"));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (default, new(SmsProviderOutcome.Unavailable, $"腾讯云短信平台 {timeout.TotalSeconds:0} 秒内没有响应（超时）"));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return (default, new(SmsProviderOutcome.Unavailable, $"连接腾讯云短信平台失败：{e.Message}"));
        }
    }

    private static (string Code, string Message)? Error(JsonElement response) =>
        response.TryGetProperty("Error", out var e) ? (Str(e, "Code"), Str(e, "Message")) : null;

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}

using System.Globalization;
using System.Text.Json;
using Suifang.Core.Sms;

namespace Suifang.Integrations.Sms;

/// 阿里云短信 (dysmsapi 2017-05-25): SendSms with an approved template and its JSON parameters, QuerySendDetails for the
/// receipt of each sent message. Signed RPC calls (AliyunSignature), POST with a form body.
public sealed class AliyunSmsProvider(HttpClient http, AliyunSmsOptions options, TimeSpan timeout, TimeProvider? time = null) : ISmsProvider
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Name => "阿里云";

    public async Task<SmsProviderResult> SendAsync(SmsProviderRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.TemplateCode))
            return new(SmsProviderOutcome.Rejected, "阿里云短信只能按审核通过的模板发送：请在“短信模板”中为这条短信的模板填写阿里云模板代码（SMS_ 开头）。");
        var param = JsonSerializer.Serialize(request.Parameters.ToDictionary(p => p.Key, p => p.Value));
        var (ok, json, failure) = await CallAsync("SendSms", new()
        {
            ["PhoneNumbers"] = request.Phone, ["SignName"] = options.SignName, ["TemplateCode"] = request.TemplateCode,
            ["TemplateParam"] = param, ["OutId"] = request.MessageId.ToString(CultureInfo.InvariantCulture),
        }, ct);
        if (!ok)
            return failure!;
        var code = Str(json, "Code");
        return code == "OK" ? SmsProviderResult.Accepted(Str(json, "BizId")) : Classify(code, Str(json, "Message"));
    }

    public async Task<IReadOnlyList<SmsReceipt>> PollReceiptsAsync(IReadOnlyList<SmsSentMessage> sent, CancellationToken ct)
    {
        var receipts = new List<SmsReceipt>();
        foreach (var s in sent)
        {
            var (ok, json, _) = await CallAsync("QuerySendDetails", new()
            {
                ["PhoneNumber"] = s.Phone, ["BizId"] = s.ProviderMessageId, ["SendDate"] = s.SentAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                ["PageSize"] = "10", ["CurrentPage"] = "1",
            }, ct);
            if (!ok || Str(json, "Code") != "OK" || !json.TryGetProperty("SmsSendDetailDTOs", out var dtos)
                || !dtos.TryGetProperty("SmsSendDetailDTO", out var list))
                continue;
            foreach (var d in list.EnumerateArray())
            {
                var status = d.TryGetProperty("SendStatus", out var st) ? st.GetInt32() : 1;
                var at = DateTime.TryParse(Str(d, "ReceiveDate"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var r) ? r : (DateTime?)null;
                if (status == 3)
                    receipts.Add(new SmsReceipt(s.ProviderMessageId, true, "已送达患者手机。", at));
                else if (status == 2)
                    receipts.Add(new SmsReceipt(s.ProviderMessageId, false, CarrierReason(Str(d, "ErrCode")), at));
            }
        }
        return receipts;
    }

    /// The Chinese reason for an error code of SendSms (阿里云短信错误码).
    public static SmsProviderResult Classify(string code, string message) => code switch
    {
        "isv.BUSINESS_LIMIT_CONTROL" or "isv.DAY_LIMIT_CONTROL" or "Throttling.User" or "Throttling" =>
            new(SmsProviderOutcome.Throttled, $"阿里云流控：短时间内给同一号码发送过多（{code}），稍后重试", Code: code),
        "isv.SMS_TEMPLATE_ILLEGAL" => new(SmsProviderOutcome.Rejected,
            $"阿里云拒绝了短信模板（{code}）：模板代码不存在或未审核通过。请在阿里云控制台确认模板已通过审核，并在“短信模板”中填写正确的模板代码。", Code: code),
        "isv.SMS_SIGNATURE_ILLEGAL" or "isv.SMS_SIGN_ILLEGAL" => new(SmsProviderOutcome.Rejected,
            $"阿里云拒绝了短信签名（{code}）：签名未审核通过。请管理员在短信设置中填写审核通过的签名。", Code: code),
        "isv.TEMPLATE_MISSING_PARAMETERS" or "isv.INVALID_JSON_PARAM" or "isv.PARAM_LENGTH_LIMIT" => new(SmsProviderOutcome.Rejected,
            $"短信变量与阿里云模板不一致（{code}）：请核对模板中的变量名称和长度。", Code: code),
        "isv.MOBILE_NUMBER_ILLEGAL" => new(SmsProviderOutcome.Rejected, $"手机号格式不正确（{code}），请核对患者档案中的号码。", Code: code),
        "isv.BLACK_KEY_CONTROL_LIMIT" => new(SmsProviderOutcome.Rejected, $"短信变量中含有被禁止的词（{code}），请修改内容。", Code: code),
        "isv.AMOUNT_NOT_ENOUGH" or "isv.OUT_OF_SERVICE" => new(SmsProviderOutcome.Unavailable, $"阿里云短信账户余额不足或已停用（{code}），请管理员充值", Code: code),
        _ when code.StartsWith("InvalidAccessKeyId", StringComparison.Ordinal) || code is "SignatureDoesNotMatch" or "Forbidden.RAM" or "isv.ACCOUNT_ABNORMAL"
            => new(SmsProviderOutcome.Unavailable, $"阿里云拒绝了访问密钥（{code}）：请管理员检查 AccessKey ID/Secret 是否正确、是否有短信权限", Code: code),
        _ when code.StartsWith("isp.", StringComparison.Ordinal) || code is "ServiceUnavailable" or "InternalError"
            => new(SmsProviderOutcome.Unavailable, $"阿里云短信平台暂时出错（{code}）", Code: code),
        _ => new(SmsProviderOutcome.Rejected, $"阿里云拒绝发送（{code}：{message}）", Code: code),
    };

    private static string CarrierReason(string errCode) =>
        string.IsNullOrEmpty(errCode) ? "运营商未能送达" : $"运营商未能送达（回执 {errCode}），常见原因：空号、停机、关机或拒收";

    private async Task<(bool Ok, JsonElement Json, SmsProviderResult? Failure)> CallAsync(string action, Dictionary<string, string> args, CancellationToken ct)
    {
        var p = new Dictionary<string, string>(args)
        {
            ["AccessKeyId"] = options.AccessKeyId, ["Action"] = action, ["Format"] = "JSON", ["RegionId"] = options.RegionId,
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureNonce"] = Guid.NewGuid().ToString("N"), ["SignatureVersion"] = "1.0",
            ["Timestamp"] = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Version"] = "2017-05-25",
        };
        p["Signature"] = AliyunSignature.Sign("POST", p, options.AccessKeySecret);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await http.PostAsync(options.Endpoint, new FormUrlEncodedContent(p), cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            using var doc = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            return (true, doc.RootElement.Clone(), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (false, default, new(SmsProviderOutcome.Unavailable, $"阿里云短信平台 {timeout.TotalSeconds:0} 秒内没有响应（超时）"));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return (false, default, new(SmsProviderOutcome.Unavailable, $"连接阿里云短信平台失败：{e.Message}"));
        }
    }

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}

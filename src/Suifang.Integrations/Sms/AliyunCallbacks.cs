using System.Globalization;
using System.Text.Json;
using Suifang.Core.Sms;

namespace Suifang.Integrations.Sms;

/// 阿里云短信 HTTP 批量推送 (HTTP batch push): SmsReport (delivery receipts) and SmsUp (replies) arrive as JSON arrays;
/// the answer is {"code":0,"msg":"成功"} with HTTP 200, anything else makes Aliyun push again (after 1, 5, 10 minutes).
/// Times are Beijing time ("2017-01-01 00:00:00").
public static class AliyunCallbacks
{
    public const string Provider = "阿里云";

    /// SmsReport: biz_id (the BizId SendSms returned), success, err_code, err_msg, report_time.
    public static IReadOnlyList<SmsReceipt> Receipts(JsonElement root) =>
        Items(root).Select(r =>
        {
            var delivered = Bool(r, "success");
            var code = Str(r, "err_code");
            var reason = delivered ? "已送达患者手机。"
                : $"运营商未能送达（回执 {code}{(Str(r, "err_msg") is { Length: > 0 } m ? "：" + m : "")}），常见原因：空号、停机、关机或拒收";
            return new SmsReceipt(Str(r, "biz_id"), delivered, reason, Time(Str(r, "report_time")));
        }).Where(r => r.ProviderMessageId.Length > 0).ToList();

    /// SmsUp: phone_number, content, send_time, sign_name, dest_code (the extend code), sequence_id (Aliyun's key).
    public static IReadOnlyList<SmsInboundReply> Replies(JsonElement root, DateTime now) =>
        Items(root).Select(r => new SmsInboundReply(Provider, Str(r, "phone_number"), Str(r, "content"), Time(Str(r, "send_time")) ?? now,
            Str(r, "sign_name"), Str(r, "dest_code"), Str(r, "sequence_id"))).Where(r => r.Phone.Length > 0).ToList();

    public const string Ok = """{"code":0,"msg":"成功"}""";

    public static string Failed(string why) => JsonSerializer.Serialize(new Dictionary<string, object> { ["code"] = 1, ["msg"] = why }, Answer);

    /// Answers keep Chinese readable (the default encoder writes \uXXXX); they are JSON bodies, never embedded in HTML.
    internal static readonly JsonSerializerOptions Answer = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static IEnumerable<JsonElement> Items(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array => root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object),
        JsonValueKind.Object => [root],
        _ => [],
    };

    internal static DateTime? Time(string s) =>
        DateTime.TryParseExact(s, ["yyyy-MM-dd HH:mm:ss", "yyyyMMddHHmmss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// A string, or a number written as one (sequence_id is a number in some of Aliyun's samples).
    internal static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v)
        ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Number => v.GetRawText(),
            _ => "",
        }
        : "";

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v)
        && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.String && string.Equals(v.GetString(), "true", StringComparison.OrdinalIgnoreCase));
}

using System.Text.Json;
using Suifang.Core.Sms;

namespace Suifang.Integrations.Sms;

/// 腾讯云短信 callbacks: 短信下发状态通知 (a JSON array of status reports, matched by sid = the SerialNo SendSms
/// returned) and 短信回复 (one reply object: extend, mobile, nationcode, sign, text, time in Unix seconds). The answer is
/// {"result":0,"errmsg":"OK"}.
public static class TencentCallbacks
{
    public const string Provider = "腾讯云";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// Status reports: sid, report_status SUCCESS/FAIL, errmsg (the carrier's code, e.g. DELIVRD), description, user_receive_time.
    public static IReadOnlyList<SmsReceipt> Receipts(JsonElement root) =>
        AliyunCallbacks.Items(root).Select(r =>
        {
            var delivered = string.Equals(AliyunCallbacks.Str(r, "report_status"), "SUCCESS", StringComparison.OrdinalIgnoreCase);
            var reason = delivered ? "已送达患者手机。"
                : $"运营商未能送达（{AliyunCallbacks.Str(r, "description")}，回执 {AliyunCallbacks.Str(r, "errmsg")}），常见原因：空号、停机、关机或拒收";
            return new SmsReceipt(AliyunCallbacks.Str(r, "sid"), delivered, reason, AliyunCallbacks.Time(AliyunCallbacks.Str(r, "user_receive_time")));
        }).Where(r => r.ProviderMessageId.Length > 0).ToList();

    /// Replies (one object, or an array of them).
    public static IReadOnlyList<SmsInboundReply> Replies(JsonElement root, DateTime now) =>
        AliyunCallbacks.Items(root).Select(r => new SmsInboundReply(Provider, AliyunCallbacks.Str(r, "mobile"), AliyunCallbacks.Str(r, "text"),
            r.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var unix) ? BeijingTime(unix) : now,
            AliyunCallbacks.Str(r, "sign"), AliyunCallbacks.Str(r, "extend"))).Where(r => r.Phone.Length > 0).ToList();

    public const string Ok = """{"result":0,"errmsg":"OK"}""";

    public static string Failed(string why) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["result"] = 1, ["errmsg"] = why }, AliyunCallbacks.Answer);

    public static DateTime BeijingTime(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToOffset(Beijing).DateTime;
}

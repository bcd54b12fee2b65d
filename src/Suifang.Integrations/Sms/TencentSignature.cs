using System.Security.Cryptography;
using System.Text;

namespace Suifang.Integrations.Sms;

/// Tencent Cloud API 3.0 signature TC3-HMAC-SHA256 for a JSON POST to "/": canonical request over the signed headers
/// content-type and host and the SHA-256 of the body; credential scope {date}/{service}/tc3_request; key derived as
/// HMAC("TC3"+SecretKey, date) → service → "tc3_request"; hex signature.
public static class TencentSignature
{
    public const string Algorithm = "TC3-HMAC-SHA256";
    public const string ContentType = "application/json; charset=utf-8";

    public static string Authorization(string secretId, string secretKey, string service, string host, long timestamp, string body)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd");
        var scope = $"{date}/{service}/tc3_request";
        var canonical = $"POST\n/\n\ncontent-type:{ContentType}\nhost:{host}\n\ncontent-type;host\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}";
        var toSign = $"{Algorithm}\n{timestamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("TC3" + secretKey), Encoding.UTF8.GetBytes(date));
        var kService = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(service));
        var kSigning = HMACSHA256.HashData(kService, "tc3_request"u8.ToArray());
        var signature = Hex(HMACSHA256.HashData(kSigning, Encoding.UTF8.GetBytes(toSign)));
        return $"{Algorithm} Credential={secretId}/{scope}, SignedHeaders=content-type;host, Signature={signature}";
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

using System.Security.Cryptography;
using System.Text;

namespace Suifang.Integrations.Sms;

/// Alibaba Cloud RPC signature (SignatureVersion 1.0, HMAC-SHA1): parameters sorted by name, each name and value
/// percent-encoded per RFC 3986 (UTF-8; space %20, * %2A, ~ kept), joined with & into the canonical query;
/// StringToSign = METHOD & encode("/") & encode(canonical query); key = AccessKeySecret + "&"; Base64 of the HMAC.
public static class AliyunSignature
{
    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var canonical = string.Join("&", parameters.Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        var toSign = method + "&" + Encode("/") + "&" + Encode(canonical);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(toSign)));
    }

    public static string Encode(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                sb.Append(c);
            else
                sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }
}

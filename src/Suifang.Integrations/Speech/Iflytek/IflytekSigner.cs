using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Suifang.Integrations.Speech.Iflytek;

/// iFlytek's WebSocket authentication: an HMAC-SHA256 over "host: …\ndate: …\nGET /path HTTP/1.1" with the API
/// secret, wrapped with the API key into an authorization string, all three passed in the query string.
internal static class IflytekSigner
{
    public static Uri Sign(Uri endpoint, string apiKey, string apiSecret, DateTimeOffset now)
    {
        var host = endpoint.IsDefaultPort ? endpoint.Host : endpoint.Authority;
        var date = now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
        var signature = Signature(apiSecret, host, date, endpoint.AbsolutePath);
        var authorization = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"api_key=\"{apiKey}\", algorithm=\"hmac-sha256\", headers=\"host date request-line\", signature=\"{signature}\""));
        var query = $"authorization={Uri.EscapeDataString(authorization)}&date={Uri.EscapeDataString(date)}&host={Uri.EscapeDataString(host)}";
        return new UriBuilder(endpoint) { Query = query }.Uri;
    }

    public static string Signature(string apiSecret, string host, string date, string path)
    {
        var origin = $"host: {host}\ndate: {date}\nGET {path} HTTP/1.1";
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(origin)));
    }
}

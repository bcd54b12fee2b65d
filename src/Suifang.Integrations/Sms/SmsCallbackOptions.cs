using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Suifang.Integrations.Sms;

/// The callbacks the providers push to (section "Sms:Callback"). They come without any credential in the providers'
/// design, so the address itself carries a long random Secret (/hooks/sms/{provider}/{secret}/…); AllowedIps narrows
/// the senders to the provider's published addresses (single addresses or CIDR ranges); MaxBodyBytes bounds a request.
/// With no Secret the callbacks are off (404).
public sealed class SmsCallbackOptions
{
    public const string Section = "Sms:Callback";
    public const int MinSecretLength = 32;

    public string Secret { get; set; } = "";
    public List<string> AllowedIps { get; set; } = [];
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    public bool Enabled => Secret.Length >= MinSecretLength;

    /// Constant-time comparison, so the secret cannot be guessed from response times.
    public bool SecretMatches(string? candidate) =>
        Enabled && candidate is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Secret));

    public bool Allows(IPAddress? address)
    {
        if (AllowedIps.Count == 0)
            return true;
        if (address is null)
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        foreach (var entry in AllowedIps.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (entry.Contains('/') && IPNetwork.TryParse(entry, out var network) && network.Contains(address))
                return true;
            if (IPAddress.TryParse(entry, out var single) && single.Equals(address))
                return true;
        }
        return false;
    }
}

using System.Text.Json;
using Suifang.Core.Security;

namespace Suifang.Core.Sms;

/// The full text and template variables of a stored message, decrypted — for the hand-over to the provider only (and
/// tests that follow a link). Staff screens read SmsMessage.Text, where the link's token is masked.
public static class SmsBodies
{
    public static string Text(SmsMessage message, SensitiveDataProtector protector) =>
        message.TextCipher.Length > 0 ? protector.Unprotect(message.TextCipher) : message.Text;

    public static List<KeyValuePair<string, string>> Parameters(SmsMessage message, SensitiveDataProtector protector) =>
        message.ParametersCipher is { Length: > 0 } cipher
            ? JsonSerializer.Deserialize<List<KeyValuePair<string, string>>>(protector.Unprotect(cipher)) ?? []
            : [];
}

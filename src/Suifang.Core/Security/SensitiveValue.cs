namespace Suifang.Core.Security;

/// A phone or ID number as stored: the AES-GCM cipher text, a keyed hash for exact search,
/// and the masked form that screens show (138****1234).
public readonly record struct SensitiveValue(string Cipher, string Index, string Masked);

public enum SensitiveKind
{
    Phone,
    IdNumber,
}

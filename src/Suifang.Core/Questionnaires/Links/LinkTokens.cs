using System.Security.Cryptography;
using System.Text;

namespace Suifang.Core.Questionnaires.Links;

/// 链接令牌: about 160 random bits as 33 URL-safe characters (no look-alike letters), stored only as its
/// SHA-256. A token that is mistyped, cut short or made up finds no link.
public static class LinkTokens
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789"; // 31 symbols; no i, l, o, 0, 1
    public const int Length = 33; // 33 × log2(31) ≈ 163 bits

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// A token from secret bytes (at least Length of them), e.g. an HMAC of the task's effect key.
    public static string FromSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < Length)
            throw new ArgumentException("secret too short", nameof(secret));
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
            chars[i] = Alphabet[secret[i] % Alphabet.Length];
        return new string(chars);
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// Tokens look like ours before any database lookup (cheap rejection of junk).
    public static bool LooksValid(string? token) =>
        token is { Length: Length } && token.All(c => Alphabet.Contains(c));
}

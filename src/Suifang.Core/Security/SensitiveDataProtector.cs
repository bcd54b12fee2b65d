using System.Security.Cryptography;
using System.Text;

namespace Suifang.Core.Security;

/// Encrypts phone and ID numbers at rest (AES-256-GCM) and derives a keyed search index (HMAC-SHA256)
/// so that an exact number can be found without decrypting every row.
public sealed class SensitiveDataProtector
{
    private const string Version = "v1";
    private readonly byte[] _encryptionKey;
    private readonly byte[] _indexKey;

    public SensitiveDataProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32)
            throw new ArgumentException("字段加密主密钥必须是 32 字节（Base64 编码后 44 个字符）。", nameof(masterKey));
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "suifang-field-encryption"u8.ToArray());
        _indexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "suifang-search-index"u8.ToArray());
    }

    public static byte[] NewMasterKey() => RandomNumberGenerator.GetBytes(32);

    public SensitiveValue Protect(SensitiveKind kind, string raw)
    {
        var normalized = Normalize(kind, raw);
        return new SensitiveValue(Encrypt(normalized), IndexOf(kind, normalized), Masking.Mask(kind, normalized));
    }

    /// The search index of a number as a user typed it; equal numbers give equal indexes.
    public string IndexOf(SensitiveKind kind, string raw)
    {
        var normalized = Normalize(kind, raw);
        var mac = HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes($"{kind}:{normalized}"));
        return Convert.ToBase64String(mac, 0, 16);
    }

    /// A keyed, repeatable secret (HMAC-SHA512) for an input, e.g. a questionnaire link token from a task's effect key:
    /// every node computes the same bytes, nobody without the master key can.
    public byte[] DeriveSecret(string purpose, string input) =>
        HMACSHA512.HashData(_indexKey, Encoding.UTF8.GetBytes($"secret:{purpose}:{input}"));

    /// Encrypts free text that holds personal data (e.g. a rejected import row kept for the nurse to fix); Unprotect reads it.
    public string ProtectText(string plain) => Encrypt(plain);

    public string Unprotect(string cipher)
    {
        var parts = cipher.Split(':', 2);
        if (parts.Length != 2 || parts[0] != Version)
            throw new CryptographicException("密文格式无法识别。");
        var data = Convert.FromBase64String(parts[1]);
        var nonce = data.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = data.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        var body = data.AsSpan(nonce.Length + tag.Length);
        var plain = new byte[body.Length];
        using var aes = new AesGcm(_encryptionKey, tag.Length);
        aes.Decrypt(nonce, body, tag, plain);
        return Encoding.UTF8.GetString(plain);
    }

    private string Encrypt(string plain)
    {
        var body = Encoding.UTF8.GetBytes(plain);
        var data = new byte[AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize + body.Length];
        var nonce = data.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = data.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, tag.Length);
        aes.Encrypt(nonce, body, data.AsSpan(nonce.Length + tag.Length), tag);
        return $"{Version}:{Convert.ToBase64String(data)}";
    }

    private static string Normalize(SensitiveKind kind, string raw) => kind switch
    {
        SensitiveKind.Phone => ContactNumbers.NormalizePhone(raw),
        _ => ContactNumbers.NormalizeIdNumber(raw),
    };
}

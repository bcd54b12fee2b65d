using System.Security.Cryptography;
using Suifang.Core.Security;

namespace Suifang.Core.Tests.Security;

public sealed class SensitiveDataProtectorTests
{
    private readonly SensitiveDataProtector _protector = new(SensitiveDataProtector.NewMasterKey());

    [Fact]
    public void A_protected_number_decrypts_to_the_normalised_number()
    {
        var value = _protector.Protect(SensitiveKind.Phone, "138 1234 1234");
        Assert.Equal("13812341234", _protector.Unprotect(value.Cipher));
        Assert.Equal("138****1234", value.Masked);
    }

    [Fact]
    public void The_cipher_text_does_not_contain_the_number_and_differs_each_time()
    {
        var a = _protector.Protect(SensitiveKind.Phone, "13812341234");
        var b = _protector.Protect(SensitiveKind.Phone, "13812341234");
        Assert.DoesNotContain("13812341234", a.Cipher);
        Assert.NotEqual(a.Cipher, b.Cipher);
    }

    [Fact]
    public void Equal_numbers_written_differently_have_the_same_search_index()
    {
        var stored = _protector.Protect(SensitiveKind.Phone, "+86 138-1234-1234");
        Assert.Equal(stored.Index, _protector.IndexOf(SensitiveKind.Phone, "13812341234"));
        Assert.NotEqual(stored.Index, _protector.IndexOf(SensitiveKind.Phone, "13812341235"));
    }

    [Fact]
    public void Another_key_can_neither_decrypt_nor_find_the_number()
    {
        var stored = _protector.Protect(SensitiveKind.Phone, "13812341234");
        var other = new SensitiveDataProtector(SensitiveDataProtector.NewMasterKey());
        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(stored.Cipher));
        Assert.NotEqual(stored.Index, other.IndexOf(SensitiveKind.Phone, "13812341234"));
    }

    [Fact]
    public void A_tampered_cipher_text_is_rejected()
    {
        var stored = _protector.Protect(SensitiveKind.IdNumber, "11010519491231002X");
        var bytes = Convert.FromBase64String(stored.Cipher[3..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect("v1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void A_key_of_the_wrong_length_is_refused_with_a_chinese_message()
    {
        var e = Assert.Throws<ArgumentException>(() => new SensitiveDataProtector(new byte[16]));
        Assert.Contains("32 字节", e.Message);
    }
}

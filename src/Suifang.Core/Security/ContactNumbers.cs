using System.Text.RegularExpressions;

namespace Suifang.Core.Security;

/// Normalisation and validation of Chinese phone and resident ID numbers.
public static partial class ContactNumbers
{
    /// Keeps digits only and drops the country prefix: "+86 138-1234-1234" → "13812341234".
    public static string NormalizePhone(string raw)
    {
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal))
            digits = digits[4..];
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
            digits = digits[2..];
        return digits;
    }

    public static bool IsValidPhone(string normalized) => Mobile().IsMatch(normalized) || Landline().IsMatch(normalized);

    public static string NormalizeIdNumber(string raw) => raw.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// GB 11643-1999: 17 digits, then a check character computed with ISO 7064 MOD 11-2.
    public static bool IsValidIdNumber(string normalized)
    {
        if (normalized.Length != 18 || !normalized[..17].All(char.IsAsciiDigit))
            return false;
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (normalized[i] - '0') * weights[i];
        const string checks = "10X98765432";
        if (checks[sum % 11] != normalized[17])
            return false;
        return BirthDateOf(normalized) is not null;
    }

    public static DateOnly? BirthDateOf(string idNumber) =>
        idNumber.Length == 18 && DateOnly.TryParseExact(idNumber.AsSpan(6, 8), "yyyyMMdd", out var d) ? d : null;

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0\d{9,11}$")]
    private static partial Regex Landline();
}

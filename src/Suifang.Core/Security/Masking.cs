namespace Suifang.Core.Security;

public static class Masking
{
    /// 13812341234 → 138****1234; 0571-88886666 → 057****6666; short numbers keep only the last two digits.
    public static string MaskPhone(string normalized)
    {
        if (normalized.Length >= 8)
            return string.Concat(normalized.AsSpan(0, 3), "****", normalized.AsSpan(normalized.Length - 4));
        return normalized.Length <= 2 ? new string('*', normalized.Length) : new string('*', normalized.Length - 2) + normalized[^2..];
    }

    /// 110101199003071234 → 110101********1234 (region kept, birth date hidden).
    public static string MaskIdNumber(string normalized)
    {
        if (normalized.Length < 10)
            return new string('*', normalized.Length);
        return string.Concat(normalized.AsSpan(0, 6), new string('*', normalized.Length - 10), normalized.AsSpan(normalized.Length - 4));
    }

    /// A patient's name where it leaves the staff pages (an SMS to the duty nurse, a banner): 王建国 → 王*国, 李娜 → 李*, 欧阳娜娜 → 欧**娜.
    public static string MaskName(string name)
    {
        name = name.Trim();
        return name.Length switch
        {
            0 => "*",
            1 => name,
            2 => name[0] + "*",
            _ => name[0] + new string('*', name.Length - 2) + name[^1],
        };
    }

    public static string Mask(SensitiveKind kind, string normalized) => kind switch
    {
        SensitiveKind.Phone => MaskPhone(normalized),
        _ => MaskIdNumber(normalized),
    };
}

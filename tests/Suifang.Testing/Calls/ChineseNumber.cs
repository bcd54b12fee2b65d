namespace Suifang.Testing.Calls;

/// The first number in a reply, in digits or Chinese words ("三十八度六" → 38.6, "一百三十" → 130); test support only.
internal static class ChineseNumber
{
    private const string Digits = "零一二两三四五六七八九";

    public static double? Find(string text)
    {
        var start = text.IndexOfAny(("0123456789" + Digits + "十百").ToCharArray());
        if (start < 0)
            return null;
        double whole = 0, section = 0;
        var digit = -1;
        var i = start;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c)) digit = (digit < 0 ? 0 : digit * 10) + (c - '0');
            else if (DigitOf(c) is { } d) digit = d;
            else if (c == '十') { section += (digit < 0 ? 1 : digit) * 10; digit = -1; }
            else if (c == '百') { section += (digit < 0 ? 1 : digit) * 100; digit = -1; }
            else break;
        }
        whole = section + Math.Max(digit, 0);
        if (i < text.Length && (text[i] == '点' || text[i] == '.' || text[i] == '度') && i + 1 < text.Length && DigitOrAscii(text[i + 1]) is { } tenth)
            whole += tenth / 10.0;
        return whole;
    }

    private static int? DigitOf(char c) => Digits.IndexOf(c) switch { < 0 => null, 2 => 2, var n when n > 2 => n - 1, var n => n };

    private static int? DigitOrAscii(char c) => char.IsAsciiDigit(c) ? c - '0' : DigitOf(c);
}

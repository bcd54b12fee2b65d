namespace Suifang.Agent.Understanding.Chinese;

/// <summary>A run of number characters in an utterance ("三十八", "150", "一百五", "七八").</summary>
/// <param name="IsRange">Two adjacent digits said as an approximation ("七八分" → 7.5, the middle).</param>
internal sealed record NumberRun(int Start, int Length, double Value, bool IsRange, string Surface);

/// <summary>Numbers said in Chinese words or digits: "三十八点五", "38.5", "一百五" (150), "两百", "一百零五", "七八".</summary>
internal static class ChineseNumbers
{
    private const string Digits = "零〇一二两三四五六七八九";
    private const string Units = "十百千万";

    public static bool IsNumberChar(char c) => Digits.Contains(c) || Units.Contains(c) || char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    public static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9,
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => -1,
    };

    /// <summary>Every number run, with a decimal part after 点 or '.' when digits follow.</summary>
    public static List<NumberRun> FindAll(string text)
    {
        var runs = new List<NumberRun>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsNumberChar(text[i])) { i++; continue; }
            var runStart = i;
            while (i < text.Length && IsNumberChar(text[i])) i++;
            var pieces = Split(text[runStart..i]);
            foreach (var (offset, length) in pieces.SkipLast(1))
                if (Parse(text.Substring(runStart + offset, length)) is { } v)
                    runs.Add(new NumberRun(runStart + offset, length, v, false, text.Substring(runStart + offset, length)));
            var start = runStart + pieces[^1].Offset;
            var intPart = text[start..i];
            var end = i;
            string? fraction = null;
            if (i + 1 < text.Length && (text[i] is '点' or '.') && DigitValue(text[i + 1]) >= 0)
            {
                var f = i + 1;
                while (f < text.Length && DigitValue(text[f]) >= 0) f++;
                fraction = text[(i + 1)..f];
                end = f;
            }
            if (Parse(intPart) is { } value)
            {
                var isRange = false;
                if (fraction is null && IsAdjacentPair(intPart)) { value = (DigitValue(intPart[0]) + DigitValue(intPart[1])) / 2.0; isRange = true; }
                else if (fraction is null && IsTensAdjacentPair(intPart)) { value = DigitValue(intPart[0]) * 10 + 5; isRange = true; } // 三四十
                else if (fraction is null && intPart.Length >= 4 && intPart[^3] is '百' or '千' && IsAdjacentPair(intPart[^2..]))
                {   // 一百六七 → 165
                    var unit = intPart[^3] == '百' ? 100 : 1000;
                    value = (Parse(intPart[..^2]) ?? 0) + (DigitValue(intPart[^2]) + 0.5) * unit / 10;
                    isRange = true;
                }
                if (fraction is not null) value += double.Parse("0." + string.Concat(fraction.Select(c => (char)('0' + DigitValue(c)))), System.Globalization.CultureInfo.InvariantCulture);
                runs.Add(new NumberRun(start, end - start, value, isRange, text[start..end]));
            }
            i = end;
        }
        return runs;
    }

    /// <summary>
    /// Splits a run said as two numbers, as in a blood pressure: "一百五九十五" → 一百五 | 九十五, "一百五十九十" →
    /// 一百五十 | 九十 (places must go down inside one number: a second 十 starts a new one).
    /// </summary>
    internal static List<(int Offset, int Length)> Split(string run)
    {
        var pieces = new List<(int Offset, int Length)>();
        if (!run.Any(c => Units.Contains(c))) { pieces.Add((0, run.Length)); return pieces; }
        var begin = 0;
        var lastUnit = int.MaxValue;
        for (var k = 0; k < run.Length; k++)
        {
            var c = run[k];
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0)
            {
                // a digit right after a digit that followed a place ("一百五|九十五") starts a new number
                if (k >= 2 && DigitValue(run[k - 1]) > 0 && run[k - 1] != '〇' && Units.Contains(run[k - 2]) && k - 1 > begin)
                {
                    if (k + 1 < run.Length && Units.Contains(run[k + 1]) || k + 1 == run.Length || DigitValue(run[k + 1]) >= 0)
                    { pieces.Add((begin, k - begin)); begin = k; lastUnit = int.MaxValue; }
                }
                continue;
            }
            if (unit >= lastUnit)
            {
                var cut = k >= 1 && DigitValue(run[k - 1]) >= 0 ? k - 1 : k;
                if (cut > begin) { pieces.Add((begin, cut - begin)); begin = cut; }
            }
            lastUnit = unit;
        }
        pieces.Add((begin, run.Length - begin));
        return pieces;
    }

    // "七八" (not "78" in digits): two Chinese digits one apart.
    private static bool IsAdjacentPair(string s) =>
        s.Length == 2 && !char.IsAsciiDigit(s[0]) && DigitValue(s[0]) > 0 && DigitValue(s[1]) == DigitValue(s[0]) + 1;

    private static bool IsTensAdjacentPair(string s) =>
        s.Length == 3 && s[2] == '十' && DigitValue(s[0]) > 0 && DigitValue(s[1]) == DigitValue(s[0]) + 1;

    /// <summary>The value of a run of number characters (no fraction), or null when it is not a number.</summary>
    public static double? Parse(string s)
    {
        if (s.Length == 0) return null;
        if (s.All(c => DigitValue(c) >= 0))
        {
            if (s.Any(char.IsAsciiDigit) || s.Any(c => c is >= '０' and <= '９') || s.Length > 1)
                return s.Aggregate(0.0, (acc, c) => acc * 10 + DigitValue(c)); // "150", "一五零" (digit by digit)
            return DigitValue(s[0]);
        }
        double total = 0, section = 0, digit = -1;
        var lastUnit = 0;
        foreach (var c in s)
        {
            var d = DigitValue(c);
            if (d >= 0) { digit = d; continue; }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0) return null;
            if (unit == 10000) { section = (section + Math.Max(digit, 0)) * 10000; total += section; section = 0; digit = -1; lastUnit = unit; continue; }
            section += (digit < 0 ? (unit == 10 ? 1 : 0) : digit) * unit;
            digit = -1;
            lastUnit = unit;
        }
        if (digit >= 0)
        {
            // "一百五" = 150, "两千三" = 2300: a digit right after 百/千 without 十 means the next place.
            var last = s[^1];
            var prev = s.Length >= 2 ? s[^2] : ' ';
            section += prev is '百' or '千' && DigitValue(last) >= 0 ? digit * lastUnit / 10 : digit;
        }
        return total + section;
    }
}

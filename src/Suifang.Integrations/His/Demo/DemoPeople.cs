using System.Globalization;

namespace Suifang.Integrations.His.Demo;

/// Realistic Chinese people for the demo HIS: names, mobile numbers, resident ID numbers.
internal static class DemoPeople
{
    // The most common surnames, roughly in order of frequency (earlier ones are picked more often).
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string MaleGiven = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣晨阳建国志文海峰德福荣庆东振";
    private const string FemaleGiven = "芳娜敏静丽艳娟霞秀玲桂英华红梅兰琴云莉萍燕雪婷慧颖倩洁佳琳晶月凤春玉珍淑彤欣悦蓉";

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
        "156", "157", "158", "159", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199",
    ];

    // Administrative division codes of the demo hospital's city (杭州) and of places patients commonly come from.
    private static readonly string[] Regions = ["330102", "330105", "330106", "330108", "330109", "330110", "330481", "330602", "330302", "340104", "360102", "320106"];

    public static string Name(Random rng, bool male)
    {
        var surname = Surnames[Skewed(rng, Surnames.Length)].ToString();
        var given = male ? MaleGiven : FemaleGiven;
        var first = given[rng.Next(given.Length)].ToString();
        return rng.Next(4) == 0 ? surname + first : surname + first + given[rng.Next(given.Length)];
    }

    public static string Mobile(Random rng) =>
        MobilePrefixes[rng.Next(MobilePrefixes.Length)] + rng.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// A valid 18-digit resident ID number (GB 11643) for the birth date and sex.
    public static string IdNumber(Random rng, DateOnly birth, bool male)
    {
        var sequence = rng.Next(0, 500) * 2 + (male ? 1 : 0);
        var body = Regions[rng.Next(Regions.Length)] + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + sequence.ToString("D3", CultureInfo.InvariantCulture);
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (body[i] - '0') * weights[i];
        return body + "10X98765432"[sum % 11];
    }

    /// A family member to call when the patient cannot answer: relation, name, phone.
    public static (string Relation, string Name, string Phone) FamilyContact(Random rng, string patientName, bool patientMale, int age)
    {
        var surname = patientName[..1];
        if (age < 18)
            return rng.Next(2) == 0 ? ("父亲", surname + Name(rng, true)[1..], Mobile(rng)) : ("母亲", Name(rng, false), Mobile(rng));
        if (age >= 65 && rng.Next(3) > 0)
            return rng.Next(2) == 0 ? ("儿子", surname + Name(rng, true)[1..], Mobile(rng)) : ("女儿", surname + Name(rng, false)[1..], Mobile(rng));
        return patientMale ? ("妻子", Name(rng, false), Mobile(rng)) : ("丈夫", Name(rng, true), Mobile(rng));
    }

    /// Earlier indexes more likely: a rough stand-in for the surname frequency curve.
    private static int Skewed(Random rng, int length) => (int)(length * Math.Pow(rng.NextDouble(), 2));
}

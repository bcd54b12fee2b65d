using Suifang.Core.Patients;

namespace Suifang.Web.Demo;

/// Fictitious but well-formed mobile and resident ID numbers, unique within one seeding run.
internal sealed class DemoContacts(Random random)
{
    private static readonly string[] MobilePrefixes =
        ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159",
         "166", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"];

    /// Mostly the hospital's own province (Jiangsu in the demo), some from elsewhere.
    private static readonly Weighted<string> Regions = new(
    [
        ("320102", 12), ("320104", 10), ("320105", 8), ("320106", 10), ("320111", 6), ("320113", 6), ("320115", 8), ("320116", 5),
        ("320211", 4), ("320506", 4), ("321002", 3), ("340104", 3), ("330106", 2), ("310104", 2), ("110105", 1), ("370102", 1),
        ("410105", 1), ("420106", 1), ("440106", 1), ("510104", 1),
    ]);

    private readonly HashSet<string> _phones = [];
    private readonly HashSet<string> _ids = [];

    public string Mobile()
    {
        while (true)
        {
            var phone = MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8");
            if (_phones.Add(phone))
                return phone;
        }
    }

    /// GB 11643: region, birth date, a sequence whose last digit is odd for men and even for women, and the check character.
    public string IdNumber(DateOnly birth, Gender gender)
    {
        while (true)
        {
            var sequence = random.Next(0, 100) * 10 + random.Next(0, 5) * 2 + (gender == Gender.Male ? 1 : 0);
            var body = $"{Regions.Pick(random)}{birth:yyyyMMdd}{sequence:D3}";
            var id = body + CheckCharacter(body);
            if (_ids.Add(id))
                return id;
        }
    }

    public static char CheckCharacter(string first17)
    {
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * weights[i];
        return "10X98765432"[sum % 11];
    }
}

namespace Suifang.Core.Contact;

/// The public holidays seeded for a new hospital. 2026: the State Council's notice of 4 November 2025
/// (国务院办公厅关于2026年部分节假日安排的通知), days off including the bridged weekends. 2027: only the statutory days of
/// 《全国年节及纪念日放假办法》 on their 2027 dates; the 2027 arrangement was not yet published, so the admin adds its
/// bridging days when it is (the settings page says so).
public static class ChineseHolidays
{
    public static IReadOnlyList<(DateOnly Date, string Name)> Seed { get; } =
    [
        .. Range(2026, 1, 1, 3, "元旦"),
        .. Range(2026, 2, 15, 9, "春节"),
        .. Range(2026, 4, 4, 3, "清明节"),
        .. Range(2026, 5, 1, 5, "劳动节"),
        .. Range(2026, 6, 19, 3, "端午节"),
        .. Range(2026, 9, 25, 3, "中秋节"),
        .. Range(2026, 10, 1, 7, "国庆节"),
        .. Range(2027, 1, 1, 1, "元旦"),
        .. Range(2027, 2, 5, 4, "春节"),
        .. Range(2027, 4, 5, 1, "清明节"),
        .. Range(2027, 5, 1, 2, "劳动节"),
        .. Range(2027, 6, 9, 1, "端午节"),
        .. Range(2027, 9, 15, 1, "中秋节"),
        .. Range(2027, 10, 1, 3, "国庆节"),
    ];

    private static IEnumerable<(DateOnly, string)> Range(int year, int month, int day, int days, string name) =>
        Enumerable.Range(0, days).Select(i => (new DateOnly(year, month, day).AddDays(i), name));
}

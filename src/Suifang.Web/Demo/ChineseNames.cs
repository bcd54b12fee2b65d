using Suifang.Core.Patients;

namespace Suifang.Web.Demo;

/// Names for the demo hospital: surnames weighted by their share of the population (per ten thousand,
/// after the 2020 census), given names by sex and by the decade people were born in.
internal static class ChineseNames
{
    private static readonly Weighted<string> Surnames = new(
    [
        ("王", 712), ("李", 700), ("张", 674), ("刘", 538), ("陈", 453), ("杨", 308), ("赵", 229), ("黄", 223), ("周", 194), ("吴", 200),
        ("徐", 145), ("孙", 138), ("胡", 116), ("朱", 128), ("高", 100), ("林", 102), ("何", 106), ("郭", 113), ("马", 129), ("罗", 89),
        ("梁", 79), ("宋", 69), ("郑", 82), ("谢", 74), ("韩", 62), ("唐", 68), ("冯", 60), ("于", 45), ("董", 49), ("萧", 12),
        ("程", 41), ("曹", 56), ("袁", 48), ("邓", 60), ("许", 63), ("傅", 10), ("沈", 35), ("曾", 53), ("彭", 54), ("吕", 38),
        ("苏", 40), ("卢", 34), ("蒋", 45), ("蔡", 44), ("贾", 25), ("丁", 37), ("魏", 39), ("薛", 19), ("叶", 42), ("阎", 8),
        ("余", 44), ("潘", 46), ("杜", 43), ("戴", 12), ("夏", 24), ("钟", 30), ("汪", 28), ("田", 50), ("任", 36), ("姜", 32),
        ("范", 28), ("方", 23), ("石", 27), ("姚", 34), ("谭", 29), ("廖", 26), ("邹", 22), ("熊", 21), ("金", 27), ("陆", 29),
        ("郝", 15), ("孔", 12), ("白", 22), ("崔", 31), ("康", 10), ("毛", 15), ("邱", 20), ("秦", 20), ("江", 20), ("史", 16),
        ("顾", 15), ("侯", 17), ("邵", 14), ("孟", 21), ("龙", 17), ("万", 14), ("段", 18), ("雷", 18), ("钱", 13), ("汤", 11),
        ("尹", 19), ("黎", 16), ("易", 10), ("常", 10), ("武", 13), ("乔", 10), ("贺", 16), ("赖", 10), ("龚", 14), ("文", 10),
        ("欧阳", 5), ("司马", 1), ("诸葛", 1), ("上官", 1),
    ]);

    private static readonly Weighted<string> OlderMen = Ranked("建国 国强 建华 志强 德明 卫东 建军 国华 振华 福生 国庆 文斌 树林 金山 玉林 长春 伟 军 勇 强 明 华 平 刚");
    private static readonly Weighted<string> OlderWomen = Ranked("秀英 桂英 秀兰 玉兰 桂兰 淑珍 凤英 玉珍 秀珍 丽华 淑芬 美兰 翠兰 素芬 玉梅 英 兰 芳 珍 梅 红");
    private static readonly Weighted<string> MiddleMen = Ranked("伟 磊 涛 斌 超 鹏 杰 浩 俊 峰 海涛 建伟 晓东 志刚 文杰 晓明 立新 宏伟 春雷 永强 军 勇 亮 波");
    private static readonly Weighted<string> MiddleWomen = Ranked("丽 静 敏 燕 艳 娟 霞 芳 婷 晓燕 丽娟 海燕 雪梅 春梅 晓红 红梅 秀梅 丽萍 慧敏 婷婷 颖 琳 倩 莉");
    private static readonly Weighted<string> YoungMen = Ranked("子轩 浩然 宇轩 梓豪 俊熙 一鸣 皓轩 睿 宇航 子墨 浩宇 博文 思远 嘉豪 铭 晨 航 宇 轩 楠");
    private static readonly Weighted<string> YoungWomen = Ranked("子涵 欣怡 梓涵 一诺 雨桐 诗涵 可馨 语嫣 思彤 梦瑶 雨萱 佳怡 欣妍 若汐 紫萱 悦 彤 琪 萱 妍");

    public static string Surname(Random random) => Surnames.Pick(random);

    public static string GivenName(Random random, Gender gender, int birthYear) => (birthYear, gender) switch
    {
        (< 1970, Gender.Female) => OlderWomen.Pick(random),
        (< 1970, _) => OlderMen.Pick(random),
        (< 2000, Gender.Female) => MiddleWomen.Pick(random),
        (< 2000, _) => MiddleMen.Pick(random),
        (_, Gender.Female) => YoungWomen.Pick(random),
        _ => YoungMen.Pick(random),
    };

    public static string FullName(Random random, Gender gender, int birthYear) => Surname(random) + GivenName(random, gender, birthYear);

    /// Earlier names in the list are the more common ones.
    private static Weighted<string> Ranked(string names)
    {
        var list = names.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Weighted<string>(list.Select((n, i) => (n, list.Length - i + 4)).ToList());
    }
}

/// A fixed table of values with weights, picked with a caller's seeded random.
internal sealed class Weighted<T>
{
    private readonly T[] _values;
    private readonly int[] _cumulative;

    public Weighted(IReadOnlyList<(T Value, int Weight)> items)
    {
        _values = items.Select(i => i.Value).ToArray();
        _cumulative = new int[items.Count];
        var sum = 0;
        for (var i = 0; i < items.Count; i++)
            _cumulative[i] = sum += items[i].Weight;
    }

    public T Pick(Random random)
    {
        var at = Array.BinarySearch(_cumulative, random.Next(_cumulative[^1]) + 1);
        return _values[at >= 0 ? at : ~at];
    }
}

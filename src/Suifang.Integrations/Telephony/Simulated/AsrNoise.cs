using System.Text;

namespace Suifang.Integrations.Telephony.Simulated;

/// ASR-like character errors (识别错字) for the simulated network: what a telephone recogniser does to Mandarin — a
/// character replaced by one that sounds the same or nearly so (发烧→发骚, 伤口→商口, 三十→山十), or dropped. Each character
/// is hit with the given rate; the randomness is the call's own (seeded), so a run is reproducible.
internal static class AsrNoise
{
    /// Homophones and near-sounds a recogniser confuses (same syllable, other tone, or n/l, z/zh, an/ang).
    private static readonly Dictionary<char, string> NearSounds = new()
    {
        ['烧'] = "骚稍梢", ['伤'] = "商上", ['口'] = "扣", ['疼'] = "腾藤", ['痛'] = "通同", ['热'] = "惹", ['度'] = "肚渡杜",
        ['没'] = "美梅", ['有'] = "又友", ['是'] = "事市", ['三'] = "山", ['十'] = "时石", ['四'] = "是", ['五'] = "舞午",
        ['六'] = "溜", ['七'] = "期", ['八'] = "吧", ['九'] = "久酒", ['药'] = "要", ['吃'] = "迟", ['红'] = "洪宏",
        ['肿'] = "种", ['咳'] = "可", ['血'] = "雪", ['压'] = "鸭", ['胸'] = "凶", ['闷'] = "门", ['喘'] = "串",
        ['时'] = "十", ['按'] = "暗", ['点'] = "典", ['好'] = "号", ['我'] = "握", ['他'] = "她它", ['的'] = "得地",
        ['就'] = "旧", ['在'] = "再", ['话'] = "画", ['打'] = "大", ['错'] = "挫", ['机'] = "鸡", ['留'] = "流",
        ['言'] = "严盐", ['医'] = "衣", ['院'] = "愿", ['吗'] = "嘛", ['呢'] = "讷", ['想'] = "响", ['问'] = "文",
    };

    /// The text as a recogniser with <paramref name="rate"/> character errors might have heard it. Of the hits, two in
    /// three are substitutions where a near-sound is known, the rest drop the character. Punctuation is left alone.
    public static string Apply(string text, double rate, Random random)
    {
        if (rate <= 0 || string.IsNullOrEmpty(text))
            return text;
        var heard = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!IsHan(ch) || random.NextDouble() >= rate)
            {
                heard.Append(ch);
                continue;
            }
            if (NearSounds.TryGetValue(ch, out var like) && random.Next(3) < 2)
                heard.Append(like[random.Next(like.Length)]);
            // else: dropped
        }
        return heard.Length == 0 ? text : heard.ToString();
    }

    private static bool IsHan(char ch) => ch is >= '\u4e00' and <= '\u9fff';
}

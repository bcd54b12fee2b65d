using Suifang.Core.Pathways.Editing;

namespace Suifang.Core.Pathways.Validation;

/// The channel combination of a node: tried in order, each fallback after the previous one failed to reach the patient.
internal static class ChannelValidator
{
    public const int MaxRedials = 5;

    public static void Check(List<ChannelInput> channels, Action<string, string> add)
    {
        if (channels.Count == 0)
        {
            add("随访方式", "请至少选择一种随访方式，例如“AI 电话 → 问卷链接 → 人工随访”。");
            return;
        }
        var seen = new HashSet<ChannelKind>();
        for (var i = 0; i < channels.Count; i++)
        {
            var c = channels[i];
            var part = $"随访方式 {i + 1}";
            if (!Enum.IsDefined(c.Kind))
            {
                add(part, "请选择方式：AI 电话、短信、问卷链接或人工随访。");
                continue;
            }
            var name = PathwayText.Channel(c.Kind);
            if (!seen.Add(c.Kind))
                add(part, $"“{name}”出现了两次：重拨次数请在同一步里设置，不要重复添加。");
            if (c.Redials is < 0 or > MaxRedials)
                add(part, $"重拨次数应在 0 到 {MaxRedials} 次之间。");
            if (c.Redials > 0 && c.RedialIntervalMinutes is < 10 or > 1440)
                add(part, "重拨间隔应在 10 到 1440 分钟（一天）之间。");
            if (c.FallbackAfterHours is < 0 or > 168)
                add(part, "等待时间应在 0 到 168 小时（7 天）之间。");
            var last = i == channels.Count - 1;
            if (!last && c.Kind is ChannelKind.Sms or ChannelKind.Questionnaire && c.FallbackAfterHours == 0)
                add(part, $"“{name}”之后还有“{PathwayText.Channel(channels[i + 1].Kind)}”，但等待时间是 0 小时：患者还来不及回复就会转到下一种方式。请填写等待小时数，例如 24。");
            if (!last && c.Kind == ChannelKind.Manual)
                add(part, "“人工随访”应放在最后：护士亲自联系之后，不再需要别的方式接替。");
        }
    }
}

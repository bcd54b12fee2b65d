using Suifang.Agent.Understanding.Chinese;
using Suifang.Core.Sms;
using Suifang.Integrations.Sms;

namespace Suifang.Integrations.Tests.Sms;

/// An SMS reply is read by the agent's understanding, as on the phone: opt-out (5.2.2), a wish to talk, a symptom (a to-do
/// for the nurse, 7.2.4), negation and hedges included.
public sealed class AgentSmsReplyReaderTests
{
    private static readonly AgentSmsReplyReader Reader = new(ChineseUnderstander.Shared);
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);

    [Theory]
    [InlineData("TD", SmsReplyKind.OptOut)]
    [InlineData(" td ", SmsReplyKind.OptOut)]
    [InlineData("退订", SmsReplyKind.OptOut)]
    [InlineData("退订，谢谢", SmsReplyKind.OptOut)]
    [InlineData("伤口这两天有点疼", SmsReplyKind.Symptom)]
    [InlineData("昨晚发烧了38度5", SmsReplyKind.Symptom)]
    [InlineData("还是有点疼", SmsReplyKind.Symptom)]
    [InlineData("伤口没红，就是有点疼", SmsReplyKind.Symptom)]
    [InlineData("胸闷，想问医生要不要来医院", SmsReplyKind.Symptom)]
    [InlineData("请给我回个电话", SmsReplyKind.WantsToTalk)]
    [InlineData("我想问一下药怎么吃", SmsReplyKind.WantsToTalk)]
    [InlineData("不发烧了", SmsReplyKind.Other)]
    [InlineData("伤口没事", SmsReplyKind.Other)]
    [InlineData("不疼了，谢谢关心", SmsReplyKind.Other)]
    [InlineData("没有发烧，都挺好", SmsReplyKind.Other)]
    [InlineData("伤口没红", SmsReplyKind.Other)]
    [InlineData("收到", SmsReplyKind.Other)]
    [InlineData("好的谢谢", SmsReplyKind.Other)]
    [InlineData("", SmsReplyKind.Other)]
    public void A_reply_is_read_as_opt_out_symptom_wish_to_talk_or_other(string text, SmsReplyKind kind) =>
        Assert.Equal(kind, Reader.Read(text, Now));
}

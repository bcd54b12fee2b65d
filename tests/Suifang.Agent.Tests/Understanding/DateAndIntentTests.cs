using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;
using static Suifang.Agent.Tests.Understanding.Understanders;

namespace Suifang.Agent.Tests.Understanding;

/// <summary>Relative dates and call-back times against the call's time (Sunday 2026-11-29 10:00), fillers, global intents.</summary>
public sealed class DateAndIntentTests
{
    private static readonly ScriptQuestion VisitDate = new() { Key = "visit_date", Text = "您约的哪天复查？", Type = AnswerType.Date };

    [Theory]
    [InlineData("下周三", "2026-12-02")]
    [InlineData("后天", "2026-12-01")]
    [InlineData("月底", "2026-11-30")]
    [InlineData("十二月四号", "2026-12-04")]
    [InlineData("星期五", "2026-12-04")]
    [InlineData("这周六", "2026-11-28")]
    [InlineData("三天后", "2026-12-02")]
    public void Relative_dates_resolve_against_the_call_time(string said, string date)
    {
        var v = Shipped.Understand(said, Asking(VisitDate)).Values.Single(x => x.Type == AnswerType.Date);
        Assert.Equal(DateOnly.Parse(date), v.Date);
    }

    [Theory]
    [InlineData("我在开车 下午三点再打", "2026-11-29 15:00")]
    [InlineData("现在不方便 明天上午十点再打吧", "2026-11-30 10:00")]
    [InlineData("现在忙 晚上七点半再打过来", "2026-11-29 19:30")]
    [InlineData("在开会 半小时以后再打", "2026-11-29 10:30")]
    public void A_call_later_carries_the_time_named(string said, string at)
    {
        var u = Shipped.Understand(said, Open());
        Assert.Equal(Intent.CallLater, u.Intent);
        Assert.Equal(DateTime.Parse(at), u.CallBackAt);
    }

    [Theory]
    [InlineData("嗯")]
    [InlineData("嗯嗯")]
    [InlineData("好")]
    [InlineData("啊")]
    public void Backchannels_are_fillers_never_answers(string said)
    {
        var u = Shipped.Understand(said, After("wound_redness"));
        Assert.Equal(Intent.Filler, u.Intent);
        Assert.Empty(u.Symptoms);
    }

    [Theory]
    [InlineData("你打错了", Intent.WrongNumber)]
    [InlineData("他已经去世了", Intent.Deceased)]
    [InlineData("我要转人工", Intent.WantPerson)]
    [InlineData("没听清你再说一遍", Intent.AskRepeat)]
    [InlineData("你是谁啊哪里打来的", Intent.WhoAreYou)]
    public void Global_intents_win_over_answers(string said, Intent intent) =>
        Assert.Equal(intent, Shipped.Understand(said, After("wound_redness")).Intent);
}

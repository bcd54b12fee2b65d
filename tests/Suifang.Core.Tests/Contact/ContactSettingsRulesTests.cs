using Suifang.Core.Contact;

namespace Suifang.Core.Tests.Contact;

public sealed class ContactSettingsRulesTests
{
    private static ContactSettingsInput Input(string monday = "09:00-11:30,14:00-20:00", string quiet = "12:00-13:30", string sms = "21:00-08:00", int cap = 2) =>
        new([monday, "", "", "", "", "", ""], quiet, sms, cap, 3, false, true, true, 2, null);

    [Fact]
    public void A_period_whose_end_is_before_its_start_is_refused_in_Chinese_with_the_fix() =>
        Assert.Contains(ContactSettingsRules.Check(Input("14:00-11:30")), e => e.Contains("星期一的时间段 14:00-11:30 结束时间早于开始时间") && e.Contains("11:30-14:00"));

    [Theory]
    [InlineData("9点到11点", "不是时间段")]
    [InlineData("09:00-12:00,11:00-13:00", "重叠")]
    [InlineData("09:00-09:00", "开始和结束相同")]
    [InlineData("", "至少要有一个呼叫时间段")]
    public void Wrong_calling_periods_are_explained(string monday, string message) =>
        Assert.Contains(ContactSettingsRules.Check(Input(monday)), e => e.Contains(message));

    [Fact]
    public void Quiet_periods_may_cross_midnight_but_not_be_empty()
    {
        Assert.Empty(ContactSettingsRules.Check(Input(quiet: "22:00-07:00")));
        Assert.Contains(ContactSettingsRules.Check(Input(quiet: "12:00-12:00")), e => e.Contains("免打扰时段 12:00-12:00 开始和结束相同"));
        Assert.Contains(ContactSettingsRules.Check(Input(sms: "21:00-08:00,12:00-13:00")), e => e.Contains("短信免打扰只能填一个时间段"));
        Assert.Contains(ContactSettingsRules.Check(Input(cap: 0)), e => e.Contains("每日联系上限"));
    }

    [Fact]
    public void Full_width_separators_and_dashes_are_read_and_saved_in_canonical_form() =>
        Assert.Equal("09:00-11:30,14:00-20:00", ContactSettingsRules.Canonical("14：00—20：00，9:00~11:30"));
}

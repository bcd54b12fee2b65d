using Suifang.Core.Sms;

namespace Suifang.Core.Tests.Sms;

/// 8.3.2: a reminder names the time, the place and what to do, and stays short; the editor is told in Chinese.
public sealed class SmsTemplateCheckTests
{
    [Fact]
    public void A_reminder_with_time_place_and_what_to_bring_that_fits_one_segment_passes()
    {
        var report = SmsTemplateCheck.Check("{患者姓名}您好，请于{时间}到{地点}复诊，请携带{携带物品}。", SmsPurpose.Reminder, "【一院】");

        Assert.True(report.CanSave);
        Assert.Equal(1, report.Segments);
        Assert.Contains("王建国您好", report.Preview);
        Assert.Contains(report.Findings, f => f.Level == SmsCheckLevel.Info && f.Message.Contains("一条短信"));
    }

    [Fact]
    public void A_reminder_without_place_and_action_is_refused_with_what_to_add()
    {
        var report = SmsTemplateCheck.Check("{患者姓名}您好，请记得{时间}复诊。", SmsPurpose.Reminder);

        Assert.False(report.CanSave);
        Assert.Contains(report.Findings, f => f.Level == SmsCheckLevel.Error && f.Message.Contains("地点"));
        Assert.DoesNotContain(report.Findings, f => f.Level == SmsCheckLevel.Error && f.Message.Contains("时间"));
    }

    [Fact]
    public void A_long_text_says_how_many_segments_it_will_be_billed_as()
    {
        var text = "{患者姓名}您好，" + new string('请', 0) + string.Concat(Enumerable.Repeat("出院后请注意休息，按时服药，清淡饮食。", 5));

        var report = SmsTemplateCheck.Check(text, SmsPurpose.Education);

        Assert.True(report.CanSave);
        Assert.True(report.Segments >= 2);
        Assert.Contains(report.Findings, f => f.Level == SmsCheckLevel.Warning && f.Message.Contains($"分成 {report.Segments} 条"));
    }

    [Fact]
    public void Unknown_variables_and_a_questionnaire_text_without_a_link_are_errors()
    {
        var report = SmsTemplateCheck.Check("您好，请填写问卷：{网址}", SmsPurpose.QuestionnaireLink);

        Assert.Contains(report.Findings, f => f.Level == SmsCheckLevel.Error && f.Message.Contains("{网址}"));
        Assert.Contains(report.Findings, f => f.Level == SmsCheckLevel.Error && f.Message.Contains("{链接}"));
    }

    [Fact]
    public void Filling_a_template_lists_the_variables_without_values_in_template_order()
    {
        var (text, missing) = SmsTemplateText.Fill("{患者姓名}您好，{时间}在{地点}", new Dictionary<string, string> { ["患者姓名"] = "王伟" });

        Assert.Equal("王伟您好，{时间}在{地点}", text);
        Assert.Equal(["时间", "地点"], missing);
        Assert.Equal(["患者姓名", "时间", "地点"], SmsTemplateText.VariablesOf("{患者姓名}{时间}{地点}{时间}"));
    }
}

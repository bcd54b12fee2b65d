using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Editing;
using Suifang.Core.Pathways.Validation;

namespace Suifang.Core.Tests.Pathways;

/// 5.1.5 / 7.2.3.1: what the validator refuses and how it says so.
public sealed class PathwayValidatorTests
{
    private static PathwayInput Valid() => PathwayFixtures.Valid(1);

    private static string Messages(PathwayInput input) =>
        string.Join("\n", PathwayValidator.Validate(input).Select(e => $"{e.Field}：{e.Message}"));

    [Fact]
    public void A_complete_pathway_passes() => Assert.Empty(PathwayValidator.Validate(Valid()));

    [Fact]
    public void Name_diseases_and_nodes_are_required()
    {
        var input = new PathwayInput { DepartmentId = 1 };
        var errors = PathwayValidator.Validate(input);
        Assert.Contains(errors, e => e.Field == "路径名称" && e.Message.Contains("请填写路径名称"));
        Assert.Contains(errors, e => e.Field == "病种编码" && e.Message.Contains("ICD-10"));
        Assert.Contains(errors, e => e.Field == "病种名称");
        Assert.Contains(errors, e => e.Field == "随访节点" && e.Message.Contains("至少添加一个随访节点"));
    }

    [Fact]
    public void A_disease_code_that_is_not_icd10_names_the_code()
    {
        var input = Valid();
        input.DiseaseCodes = "I20-I25;Z9X";
        Assert.Contains("“Z9X”不是有效的 ICD-10 编码", Messages(input));
    }

    [Fact]
    public void Negative_offsets_and_windows_are_refused()
    {
        var input = Valid();
        input.Nodes[0].Offset = -1;
        input.Nodes[1].WindowDays = -2;
        var text = Messages(input);
        Assert.Contains("时间点不能是负数", text);
        Assert.Contains("窗口期不能是负数", text);
    }

    [Fact]
    public void A_window_running_past_the_next_node_says_how_long_it_may_be()
    {
        var input = Valid();
        input.Nodes[0].WindowDays = 5; // D+3 + 5 days passes D+7
        Assert.Contains("窗口期 5 天会越过下一个节点 D+7", Messages(input));
        Assert.Contains("缩短到 4 天以内", Messages(input));
    }

    [Fact]
    public void Two_nodes_at_the_same_time_point_are_refused()
    {
        var input = Valid();
        input.Nodes[1].Offset = 1;
        input.Nodes[1].OffsetUnit = OffsetUnit.Week;
        input.Nodes[0].Offset = 7;
        input.Nodes[0].WindowDays = 0;
        Assert.Contains("不能在同一时间点", Messages(input));
    }

    [Fact]
    public void Question_keys_must_be_unique_within_a_node()
    {
        var input = Valid();
        input.Nodes[0].Questions[1].Key = "temperature";
        input.Nodes[0].Questions[1].Kind = AnswerKind.Number;
        input.Nodes[0].Triggers.RemoveAt(1);
        Assert.Contains("问题编码“temperature”在本节点中重复了", Messages(input));
    }

    [Fact]
    public void A_trigger_must_name_a_question_of_its_own_node()
    {
        var input = Valid();
        input.Nodes[0].Triggers[0].QuestionKey = "wound_redness";
        Assert.Contains("触发条件针对的问题“wound_redness”不在本节点中", Messages(input));
    }

    [Fact]
    public void A_number_comparison_needs_a_number()
    {
        var input = Valid();
        input.Nodes[0].Triggers[0].Value = "很高";
        Assert.Contains("“很高”不是数字", Messages(input));
    }

    [Fact]
    public void A_yes_no_question_takes_only_equals_with_yes_or_no()
    {
        var input = Valid();
        input.Nodes[0].Triggers[1].Operator = TriggerOperator.GreaterOrEqual;
        Assert.Contains("是/否题只能用“等于”或“不等于”", Messages(input));
        input.Nodes[0].Triggers[1].Operator = TriggerOperator.Equals;
        input.Nodes[0].Triggers[1].Value = "有";
        Assert.Contains("只能填“是”或“否”", Messages(input));
    }

    [Fact]
    public void A_choice_trigger_value_must_be_one_of_the_choices()
    {
        var input = Valid();
        input.Nodes[0].Questions.Add(new QuestionInput { Key = "medication_adherence", Text = "按时吃药吗？", Kind = AnswerKind.Choice, Choices = "按时服用;偶尔漏服" });
        input.Nodes[0].Triggers.Add(new TriggerInput { QuestionKey = "medication_adherence", Value = "停药", Description = "停药" });
        Assert.Contains("“停药”不是这道单选题的选项", Messages(input));
    }

    [Fact]
    public void A_node_needs_a_question_and_a_channel()
    {
        var input = Valid();
        input.Nodes[0].Questions.Clear();
        input.Nodes[0].Triggers.Clear();
        input.Nodes[0].Channels.Clear();
        var text = Messages(input);
        Assert.Contains("节点 出院后 D+3（出院后第 3 天） · 问题：请至少添加一个问题", text);
        Assert.Contains("请至少选择一种随访方式", text);
    }

    [Fact]
    public void A_questionnaire_followed_by_a_fallback_must_wait_for_the_answer()
    {
        var input = Valid();
        input.Nodes[0].Channels[1].FallbackAfterHours = 0;
        Assert.Contains("“问卷链接”之后还有“人工随访”，但等待时间是 0 小时", Messages(input));
    }

    [Fact]
    public void Manual_follow_up_comes_last_and_no_channel_twice()
    {
        var input = Valid();
        input.Nodes[0].Channels = [new() { Kind = ChannelKind.Manual }, new() { Kind = ChannelKind.AiCall }, new() { Kind = ChannelKind.AiCall }];
        var text = Messages(input);
        Assert.Contains("“人工随访”应放在最后", text);
        Assert.Contains("“AI 电话”出现了两次", text);
    }

    [Fact]
    public void Too_many_redials_are_refused()
    {
        var input = Valid();
        input.Nodes[0].Channels[0].Redials = 9;
        Assert.Contains("重拨次数应在 0 到 5 次之间", Messages(input));
    }
}

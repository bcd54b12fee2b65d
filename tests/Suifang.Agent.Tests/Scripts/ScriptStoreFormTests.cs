using Suifang.Agent.Scripts;

namespace Suifang.Agent.Tests.Scripts;

/// The forms the script store and the editor use: JSON without key and name (they are columns beside it), a reason
/// instead of an exception for bad text, and a node's own questions selected from a pathway's script.
public sealed class ScriptStoreFormTests
{
    private static Script Valid() => new()
    {
        Key = "test",
        Name = "测试话术",
        Opening = "{patient}您好，我是{hospital}的AI智能随访助手，想了解一下您出院后的情况。需要人工服务可以随时说转人工。",
        IdentityCheck = "请问您是{patient}本人，还是家属呢？",
        Questions =
        [
            new() { Key = "chest_pain", Text = "最近有没有胸痛、胸闷？", Dtmf = new Dictionary<string, string> { ["1"] = "yes", ["2"] = "no" },
                Branches = [new("no", Goto: "medication_adherence")] },
            new() { Key = "chest_pain_minutes", Text = "胸痛一次大概几分钟？", Type = AnswerType.Number, Unit = "分钟", Min = 0, Max = 600, Confirm = true, Label = "胸痛时长",
                Branches = [new(">=15", "胸痛超过15分钟很危险，请马上拨打120。")] },
            new() { Key = "medication_adherence", Text = "药是按时吃的吗？", Type = AnswerType.Choice, Choices = ["按时服用", "已自行停药"],
                Dtmf = new Dictionary<string, string> { ["1"] = "按时服用", ["2"] = "已自行停药" },
                Branches = [new("已自行停药", "药请不要自己停，我会请医生联系您。", ScriptChecker.Closing)] },
        ],
        Closing = "感谢您的配合，再见！",
    };

    [Fact]
    public void A_script_round_trips_with_Chinese_kept_readable()
    {
        var script = Valid();
        var json = ScriptJson.Serialize(script);
        var back = ScriptJson.Deserialize(json);

        Assert.Contains("您好", json);
        Assert.DoesNotContain("\\u", json);
        Assert.Equal(script.Questions.Select(q => q.Key), back.Questions.Select(q => q.Key));
        Assert.Equal("已自行停药", back.Questions[2].Dtmf["2"]);
        Assert.Equal(ScriptChecker.Closing, back.Questions[2].Branches[0].Goto);
    }

    [Fact]
    public void Text_that_is_not_a_script_gives_a_Chinese_reason_instead_of_an_exception()
    {
        Assert.Null(ScriptJson.TryDeserialize("{ \"opening\": ", out var broken));
        Assert.Contains("不是有效的格式", broken);
        Assert.Null(ScriptJson.TryDeserialize(" ", out var empty));
        Assert.Contains("空的", empty);
    }

    [Fact]
    public void Key_and_name_may_be_left_out_because_the_store_keeps_them_beside_the_json()
    {
        var script = ScriptJson.Deserialize("""{ "opening": "您好", "identityCheck": "是本人吗？", "closing": "再见", "questions": [] }""");
        Assert.Equal(("", "", "您好"), (script.Key, script.Name, script.Opening));
    }

    [Fact]
    public void Selecting_a_node_s_questions_keeps_the_order_and_sends_a_branch_to_a_dropped_question_on_to_the_next_kept_one()
    {
        var day3 = Valid().Only(["chest_pain_minutes", "chest_pain"]);

        Assert.Equal(["chest_pain", "chest_pain_minutes"], day3.Questions.Select(q => q.Key));
        Assert.Equal(ScriptChecker.Closing, day3.Questions[0].Branches[0].Goto);
        Assert.DoesNotContain(ScriptChecker.Check(day3), p => p.IsError);
    }
}

using Suifang.Agent.Scripts;

namespace Suifang.Agent.Tests.Scripts;

public sealed class ScriptJsonTests
{
    [Fact]
    public void A_script_round_trips_with_Chinese_kept_readable_and_enums_by_name()
    {
        var script = ScriptCheckerTests.Valid();

        var json = ScriptJson.Serialize(script);
        var back = ScriptJson.Deserialize(json);

        Assert.Contains("您好", json);
        Assert.DoesNotContain("\\u", json);
        Assert.Contains("\"type\": \"Choice\"", json);
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
        var script = ScriptCheckerTests.Valid();

        var day3 = script.Only(["chest_pain_minutes", "chest_pain"]);

        Assert.Equal(["chest_pain", "chest_pain_minutes"], day3.Questions.Select(q => q.Key));
        Assert.Equal(ScriptChecker.Closing, day3.Questions[0].Branches[0].Goto);
        Assert.DoesNotContain(ScriptChecker.Check(day3), p => p.IsError);
    }
}

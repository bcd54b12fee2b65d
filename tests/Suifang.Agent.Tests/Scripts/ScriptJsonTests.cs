using Suifang.Agent.Scripts;

namespace Suifang.Agent.Tests.Scripts;

public sealed class ScriptJsonTests
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "Dialogue", "Scripts", "discharge.json");

    [Fact]
    public void A_script_saved_and_loaded_again_is_the_same_script()
    {
        var script = ScriptJson.LoadFile(File);
        var again = ScriptJson.Load(ScriptJson.Save(script));
        Assert.Equal(ScriptJson.Save(script), ScriptJson.Save(again));
        Assert.Equal(5, again.Questions.Count);
        var temperature = again.Questions[2];
        Assert.Equal((AnswerType.Number, "℃", 34.0, 43.0, true), (temperature.Type, temperature.Unit, temperature.Min, temperature.Max, temperature.Confirm));
        Assert.Equal(new ScriptBranch(">=38.5", "体温有点高，请多喝水，注意休息。"), temperature.Branches[0]);
        Assert.Equal("已自行停药", again.Questions[4].Dtmf["4"]);
    }

    [Fact]
    public void Chinese_and_comparisons_are_written_as_they_are()
    {
        var json = ScriptJson.Save(ScriptJson.LoadFile(File));
        Assert.Contains("AI智能随访助手", json);
        Assert.Contains("\">=38.5\"", json);
        Assert.Contains("\"type\": \"yesNo\"", json);
        Assert.DoesNotContain("\\u", json);
    }

    [Fact]
    public void A_script_missing_a_required_part_is_refused_in_Chinese()
    {
        var e = Assert.Throws<ScriptFormatException>(() => ScriptJson.Load("""{ "key": "x", "name": "测试", "identityCheck": "您是本人吗？" }"""));
        Assert.Contains("缺少必填项", e.Message);
        Assert.Contains("opening", e.Message);
    }

    [Fact]
    public void Broken_json_is_refused_with_where_it_broke()
    {
        var e = Assert.Throws<ScriptFormatException>(() => ScriptJson.Load("{\n \"key\": \"x\",\n \"name\": }"));
        Assert.Contains("第3行", e.Message);
    }
}

using Suifang.Agent.Dialogue;
using Suifang.Agent.Knowledge;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding.Chinese;

namespace Suifang.Agent.Tests.Dialogue;

/// Found replaying data/eval/summaries.jsonl with the shipped understanding: a bare "是" at the identity check was not
/// understood, and "没量" to an optional number question ("没有可以不答") was asked three times.
public sealed class OptionalAndIdentityAnswerTests
{
    private static readonly KnowledgeIndex NoKnowledge = new([]);

    private static readonly ScriptQuestion Oxygen = new()
    {
        Key = "oxygen_saturation", Text = "如果家里有指夹式血氧仪，测出来的血氧是多少？没有可以不答。", Type = AnswerType.Number,
        Unit = "%", Min = 50, Max = 100, Required = false,
    };

    private static IConversation Start(params ScriptQuestion[] questions)
    {
        var call = new DialogueEngine(ChineseUnderstander.Shared, NoKnowledge).Start(Calls.Script(questions), Calls.Setup());
        call.Open();
        return call;
    }

    [Theory]
    [InlineData("是")]
    [InlineData("是的")]
    [InlineData("对")]
    public void A_bare_yes_at_the_identity_check_is_the_patient(string yes)
    {
        var call = Start(Calls.Fever);
        var next = call.Reply(PatientInput.Said(yes));
        Assert.Equal("fever", next.QuestionKey);
        Assert.DoesNotContain("家属", next.Say);
    }

    [Theory]
    [InlineData("没量")]
    [InlineData("家里没有血氧仪")]
    [InlineData("这几天没测")]
    public void Nothing_to_tell_for_an_optional_number_skips_it_at_once(string said)
    {
        var call = Start(Oxygen, Calls.Fever);
        call.Reply(PatientInput.Said("是我"));
        var next = call.Reply(PatientInput.Said(said));
        Assert.Equal("fever", next.QuestionKey);
        Assert.DoesNotContain(call.Outcome.Answers, a => a.QuestionKey == "oxygen_saturation");
    }

    [Fact]
    public void Nothing_to_tell_for_a_required_number_is_asked_again()
    {
        var call = Start(Oxygen with { Required = true }, Calls.Fever);
        call.Reply(PatientInput.Said("是我"));
        var next = call.Reply(PatientInput.Said("没量"));
        Assert.NotEqual("fever", next.QuestionKey);
    }

    [Fact]
    public void A_value_for_an_optional_number_is_still_recorded()
    {
        var call = Start(Oxygen, Calls.Fever);
        call.Reply(PatientInput.Said("是我"));
        Assert.Equal("fever", call.Reply(PatientInput.Said("九十六 没有问题")).QuestionKey);
        Assert.Contains(call.Outcome.Answers, a => a is { QuestionKey: "oxygen_saturation", Value: "96" });
    }
}

using Suifang.Agent.Dialogue;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;
using static Suifang.Agent.Tests.Dialogue.Calls;

namespace Suifang.Agent.Tests.Dialogue;

/// <summary>
/// 7.3.1.2 c: the dialogue asks the patient to clarify a contradiction inside one call, decided by the understanding's
/// ContradictionDetector (one rule for the understander and the dialogue, so values count as well as symptoms).
/// </summary>
public sealed class ContradictionClarifyTests
{
    private static readonly Suifang.Agent.Scripts.ScriptQuestion Pain = new()
    {
        Key = "pain_score", Text = "您现在的疼痛有几分？", Label = "疼痛评分", Type = Suifang.Agent.Scripts.AnswerType.Score, Min = 0, Max = 10,
    };

    [Fact]
    public void No_fever_then_a_fever_of_39_degrees_with_the_real_understander_makes_the_agent_ask_to_clarify()
    {
        var engine = new DialogueEngine(ChineseUnderstander.Shared, TableKnowledge.Empty);
        var call = engine.Start(Script(Fever, Pain), Setup());
        call.Open();
        call.Reply(PatientInput.Said("是我"));
        var afterNo = call.Reply(PatientInput.Said("没发烧"));
        Assert.Equal("pain_score", afterNo.QuestionKey);

        var turn = call.Reply(PatientInput.Said("昨天烧到39度"));

        Assert.Contains("刚才您说没有发热", turn.Say);
        Assert.Contains("到底有没有发热", turn.Say);
    }

    [Fact]
    public void A_temperature_value_alone_contradicts_an_earlier_no_fever()
    {
        // The later turn names no symptom, only 39 ℃: the detector's value rule (≥ 37.3 ℃ → 发热) finds it.
        var (call, _) = AtFirstQuestion(Script(Fever, Temperature), [U("没发烧", Intent.Deny), Number("三十九度", 39)]);
        call.Reply(PatientInput.Said("没发烧"));

        var turn = call.Reply(PatientInput.Said("三十九度"));

        Assert.Contains("刚才您说没有发热", turn.Say);
        Assert.Contains("三十九度", turn.Say);
    }

    [Fact]
    public void The_clarified_answer_replaces_the_earlier_one()
    {
        var (call, _) = AtFirstQuestion(Script(Fever, Temperature),
            [U("没发烧", Intent.Deny), Number("三十九度", 39), Symptom("是烧了", "发热", "烧", SymptomStatus.Present, Intent.Affirm)]);
        call.Reply(PatientInput.Said("没发烧"));
        call.Reply(PatientInput.Said("三十九度"));

        call.Reply(PatientInput.Said("是烧了"));

        Assert.Contains(call.Outcome.Answers, a => a is { QuestionKey: "fever", Value: "yes" });
    }

    [Fact]
    public void A_normal_temperature_after_no_fever_is_no_contradiction()
    {
        var (call, _) = AtFirstQuestion(Script(Fever, Temperature), [U("没发烧", Intent.Deny), Number("三十六度五", 36.5)]);
        call.Reply(PatientInput.Said("没发烧"));

        var turn = call.Reply(PatientInput.Said("三十六度五"));

        Assert.DoesNotContain("刚才您说", turn.Say);
    }
}

using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.Tests.Dialogue;

public sealed class AnswerReaderTests
{
    private static readonly ScriptQuestion Pain = new() { Key = "pain_score", Text = "疼痛几分？", Type = AnswerType.Score };
    private static readonly ScriptQuestion Pressure = new() { Key = "bp", Text = "血压多少？", Type = AnswerType.BloodPressure };

    [Fact]
    public void A_temperature_said_in_passing_is_not_taken_as_a_pain_score()
    {
        var u = Calls.Number("昨天烧到39度", 39);
        Assert.Equal(ReadingKind.NotUnderstood, AnswerReader.Read(Pain, u).Kind);
        Assert.Equal(new Reading(ReadingKind.Value, "39"), AnswerReader.Read(Calls.Temperature, u));
    }

    [Fact]
    public void Scores_outside_0_to_10_and_implausible_pressures_are_out_of_range()
    {
        Assert.Equal(ReadingKind.OutOfRange, AnswerReader.Read(Pain, Calls.Number("十二分", 12, null)).Kind);
        var bp = new UtteranceUnderstanding { Text = "九十五一百五", Intent = Intent.Inform, Values = [new ExtractedValue { Type = AnswerType.BloodPressure, Surface = "x", Number = 95, Number2 = 150 }] };
        Assert.Equal(new Reading(ReadingKind.OutOfRange, "95/150"), AnswerReader.Read(Pressure, bp));
    }

    [Fact]
    public void Keys_map_through_the_question_or_spell_a_number_with_star_as_the_point()
    {
        Assert.Equal(new Reading(ReadingKind.Value, "38.5"), AnswerReader.ReadKeys(Calls.Temperature, "38*5#"));
        Assert.Equal(new Reading(ReadingKind.Value, "no"), AnswerReader.ReadKeys(Calls.Fever, "2"));
        Assert.Equal(ReadingKind.NotUnderstood, AnswerReader.ReadKeys(Calls.Fever, "5").Kind);
    }

    [Fact]
    public void Uncertain_is_an_answer_to_any_question() =>
        Assert.Equal(new Reading(ReadingKind.Value, "uncertain"), AnswerReader.Read(Calls.Temperature, Calls.U("没量过，不知道", Intent.Uncertain)));

    [Fact]
    public void A_yes_no_answer_can_come_from_the_symptom_alone() =>
        Assert.Equal(new Reading(ReadingKind.Value, "no"),
            AnswerReader.Read(Calls.Fever, Calls.Symptom("体温一直正常", "发热", "体温正常", SymptomStatus.Absent)));
}

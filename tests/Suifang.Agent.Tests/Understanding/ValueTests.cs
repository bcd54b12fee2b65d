using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;
using Suifang.Agent.Understanding.Chinese;
using static Suifang.Agent.Tests.Understanding.Understanders;

namespace Suifang.Agent.Tests.Understanding;

/// <summary>Numbers in Chinese words and digits, units, blood pressure pairs, scores and choices.</summary>
public sealed class ValueTests
{
    [Theory]
    [InlineData("三十八", 38)]
    [InlineData("一百五", 150)]
    [InlineData("两百", 200)]
    [InlineData("一百零五", 105)]
    [InlineData("一千二", 1200)]
    [InlineData("十五", 15)]
    [InlineData("150", 150)]
    public void Chinese_numbers_are_read(string said, double value) => Assert.Equal(value, ChineseNumbers.Parse(said));

    [Theory]
    [InlineData("三十八度五", 38.5)]
    [InlineData("38度5", 38.5)]
    [InlineData("三十六度八吧", 36.8)]
    [InlineData("38.5", 38.5)]
    [InlineData("昨天量是三十七度二", 37.2)]
    public void Temperatures_are_numbers_in_degrees_celsius(string said, double value)
    {
        var v = Shipped.Understand(said, After("temperature")).Values.Single(x => x.Type == AnswerType.Number);
        Assert.Equal(AnswerType.Number, v.Type);
        Assert.Equal(value, v.Number!.Value, 3);
        Assert.Equal("℃", v.Unit);
    }

    [Theory]
    [InlineData("一百五九十五", 150, 95)]
    [InlineData("一百五十九十五", 150, 95)]
    [InlineData("150/95", 150, 95)]
    [InlineData("高压150低压95", 150, 95)]
    [InlineData("一百三八十五", 130, 85)]
    public void Blood_pressure_pairs_are_read(string said, double systolic, double diastolic)
    {
        var v = Shipped.Understand(said, After("blood_pressure_systolic")).Values.Single(x => x.Type == AnswerType.BloodPressure);
        Assert.Equal(systolic, v.Number);
        Assert.Equal(diastolic, v.Number2);
        Assert.Equal("mmHg", v.Unit);
    }

    [Theory]
    [InlineData("七八分", 7.5)]
    [InlineData("三分", 3)]
    [InlineData("大概五分吧", 5)]
    public void Pain_scores_are_read_with_ranges_as_the_middle(string said, double score)
    {
        var v = Shipped.Understand(said, After("pain_score")).Values.Single(x => x.Type == AnswerType.Score);
        Assert.Equal(score, v.Number);
    }

    [Theory]
    [InlineData("六点八", 6.8, "mmol/L")]
    [InlineData("七点二个", 7.2, "mmol/L")]
    public void Blood_glucose_takes_the_question_unit(string said, double value, string unit)
    {
        var v = Assert.Single(Shipped.Understand(said, After("blood_glucose_fasting")).Values);
        Assert.Equal(value, v.Number!.Value, 3);
        Assert.Equal(unit, v.Unit);
    }

    [Theory]
    [InlineData("有时候忘了吃", "偶尔漏服")]
    [InlineData("老是忘", "经常漏服")]
    [InlineData("每天都按时吃", "按时服用")]
    [InlineData("自己停了", "已自行停药")]
    public void Choices_are_matched_by_meaning(string said, string choice)
    {
        var v = Shipped.Understand(said, After("medication_adherence")).Values.Single(x => x.Type == AnswerType.Choice);
        Assert.Equal(choice, v.Choice);
    }

    [Fact]
    public void A_temperature_said_outside_its_question_is_still_a_value_in_degrees()
    {
        var v = Shipped.Understand("昨天烧到39度", Open()).Values.Single(x => x.Type == AnswerType.Number);
        Assert.Equal(39, v.Number);
        Assert.Equal("℃", v.Unit);
    }
}

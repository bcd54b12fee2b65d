using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;

namespace Suifang.Agent.Tests.Dialogue;

public sealed class WordingTests
{
    [Theory]
    [InlineData("张伟", true, null, "张先生")]
    [InlineData("王芳", false, 62, "王阿姨")]
    [InlineData("李娜", false, 32, "李女士")]
    [InlineData("欧阳娜娜", false, null, "欧阳女士")]
    [InlineData("John Smith", true, null, "John Smith")]
    public void Patients_are_addressed_politely(string name, bool male, int? age, string expected) =>
        Assert.Equal(expected, Wording.PoliteName(Calls.Setup(name, male, age)));

    [Fact]
    public void A_patient_of_unknown_sex_is_greeted_by_the_full_name_and_spoken_of_as_the_patient()
    {
        var setup = new ConversationSetup("张伟", "第一人民医院", null, Calls.Now, null, null, CallMemory.Empty);
        Assert.Equal("张伟", Wording.PoliteName(setup));
        Assert.Equal("患者有没有发烧？", new Wording(setup) { Family = true }.Ask(Calls.Fever.Text));
    }

    [Theory]
    [InlineData(PatientSex.Male, "张先生", "他")]
    [InlineData(PatientSex.Female, "张女士", "她")]
    public void The_sex_of_the_record_chooses_the_polite_form_and_pronoun(PatientSex sex, string name, string pronoun)
    {
        var setup = new ConversationSetup("张伟", "第一人民医院", null, Calls.Now, null, null, CallMemory.Empty) { Sex = sex };
        Assert.Equal(name, Wording.PoliteName(setup));
        Assert.Equal(pronoun, new Wording(setup).Pronoun);
    }

    [Fact]
    public void Placeholders_are_filled()
    {
        var w = new Wording(Calls.Setup());
        Assert.Equal("张先生您好，第一人民医院心内科，11月24日出院", w.Fill("{patient}您好，{hospital}{department}，{anchor_date}出院"));
    }

    [Fact]
    public void To_a_family_member_questions_speak_of_the_patient_as_him_or_her()
    {
        var w = new Wording(Calls.Setup("王芳", male: false)) { Family = true };
        Assert.Equal("她有没有发烧？", w.Ask(Calls.Fever.Text));
    }

    [Fact]
    public void Answers_are_read_back_in_plain_words()
    {
        var w = new Wording(Calls.Setup());
        Assert.Equal("体温38.5度", w.ReadBack(Calls.Temperature, "38.5"));
        Assert.Equal("有发热", w.ReadBack(Calls.Fever, "yes"));
        Assert.Equal("血压高压150、低压95", w.ReadBack(new ScriptQuestion { Key = "bp", Text = "血压多少？", Label = "血压", Type = AnswerType.BloodPressure }, "150/95"));
    }

    [Fact]
    public void A_plainer_wording_drops_asides_and_examples()
    {
        var w = new Wording(Calls.Setup());
        var q = new ScriptQuestion { Key = "chest_pain", Text = "最近有没有胸痛（心口疼），或者胸口像压了石头一样难受？" };
        Assert.Equal("最近有没有胸痛？", w.Plainer(q));
        Assert.Equal("您现在疼不疼？", w.Plainer(q with { Rephrase = "您现在疼不疼？" }));
    }

    [Fact]
    public void Call_back_times_are_said_as_people_say_them()
    {
        var w = new Wording(Calls.Setup());
        Assert.Equal("明天上午10点", w.SpokenTime(Calls.Now.AddDays(1)));
        Assert.Equal("今天下午3点半", w.SpokenTime(Calls.Now.Date.AddHours(15.5)));
        Assert.Equal("12月5日晚上7点", w.SpokenTime(Calls.Now.Date.AddDays(4).AddHours(19)));
    }
}

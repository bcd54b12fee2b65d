using Suifang.Agent.Scripts;
using Suifang.Agent.Tests.EvalData;

namespace Suifang.Agent.Tests.Scripts;

/// Terminology and standard conformance of a follow-up record (7.1.2.2): term errors, format, missing, contradictions.
public sealed class RecordConformanceTests
{
    private static Script Template(string file) => ScriptJson.LoadFile(EvalFiles.PathOf(Path.Combine("src", "Suifang.Core", "Scripts", "Templates", file)));

    private static readonly Script Copd = Template("copd-discharge.json");
    private static readonly Script Cholecystectomy = Template("lap-cholecystectomy-discharge.json");

    private static RecordAnswer[] CopdComplete(params (string Key, string Value)[] changes)
    {
        var answers = new Dictionary<string, string>
        {
            ["breathlessness"] = "yes", ["breathlessness_at_rest"] = "no", ["cough"] = "no", ["sputum_change"] = "no",
            ["temperature"] = "36.6", ["inhaler_use"] = "按时使用", ["smoking"] = "no", ["emergency_visit"] = "no", ["follow_up_visit"] = "yes",
        };
        foreach (var (key, value) in changes)
            if (value.Length == 0) answers.Remove(key);
            else answers[key] = value;
        return answers.Select(a => new RecordAnswer(a.Key, a.Value)).ToArray();
    }

    private static string[] Found(Script script, RecordAnswer[] answers, string? text = null) =>
        RecordConformance.Check(script, answers, text).Select(p => $"{p.Type}:{p.Key}").ToArray();

    [Fact]
    public void A_complete_plausible_record_in_standard_terms_has_no_problem() =>
        Assert.Empty(Found(Copd, CopdComplete(), "患者活动后气短，无发热，痰量无增多，吸入剂使用规范。"));

    [Fact]
    public void A_temperature_without_its_decimal_point_is_a_format_problem_and_the_message_says_what_was_meant()
    {
        var problem = Assert.Single(RecordConformance.Check(Copd, CopdComplete(("temperature", "385")), null));
        Assert.Equal((ConformanceType.Format, "temperature"), (problem.Type, problem.Key));
        Assert.Contains("38.5", problem.Message);
        Assert.Contains("34–43", problem.Message);
    }

    [Theory]
    [InlineData("temperature", "三十八度五")]
    [InlineData("temperature", "38.5度左右吧")]
    [InlineData("breathlessness", "有点喘")]
    [InlineData("inhaler_use", "38.5")]
    public void A_value_that_does_not_fit_the_answer_type_is_a_format_problem(string key, string value) =>
        Assert.Equal([$"Format:{key}"], Found(Copd, CopdComplete((key, value))));

    [Fact]
    public void Units_and_plain_yes_no_words_are_accepted() =>
        Assert.Empty(Found(Copd, CopdComplete(("temperature", "37.1℃"), ("smoking", "否"), ("cough", "uncertain"))));

    [Fact]
    public void A_blood_pressure_question_needs_two_plausible_numbers_and_a_date_must_exist()
    {
        var script = Copd with
        {
            Questions =
            [
                new ScriptQuestion { Key = "bp", Text = "血压是多少？", Label = "血压", Type = AnswerType.BloodPressure },
                new ScriptQuestion { Key = "visit", Text = "哪天复查？", Label = "复查日期", Type = AnswerType.Date },
            ],
        };
        Assert.Equal(["Format:bp", "Format:visit"], Found(script, [new("bp", "150"), new("visit", "2026-02-30")]));
        Assert.Equal(["Format:bp"], Found(script, [new("bp", "80/120"), new("visit", "2026-12-02")]));
        Assert.Empty(Found(script, [new("bp", "150/95"), new("visit", "2026年12月2日")]));
    }

    [Fact]
    public void A_colloquial_choice_value_is_a_term_problem_that_names_the_standard_choice()
    {
        var problem = Assert.Single(RecordConformance.Check(Copd, CopdComplete(("inhaler_use", "有时忘了")), null));
        Assert.Equal((ConformanceType.Term, "inhaler_use"), (problem.Type, problem.Key));
        Assert.Contains("偶尔忘记", problem.Message);
    }

    [Fact]
    public void Colloquial_symptom_words_in_the_note_are_term_problems_with_the_standard_term()
    {
        var problem = Assert.Single(RecordConformance.Check(Cholecystectomy,
            [new("temperature", "36.8"), new("pain_score", "2"), new("abdominal_pain", "no"), new("jaundice", "no"), new("wound_redness", "yes"),
             new("wound_discharge", "no"), new("nausea_vomiting", "no"), new("eating_normally", "yes"), new("diarrhea", "no"), new("follow_up_visit", "no")],
            "患者诉刀口红，无渗液。"));
        Assert.Equal((ConformanceType.Term, RecordConformance.TextKey), (problem.Type, problem.Key));
        Assert.Contains("伤口发红", problem.Message);
    }

    [Fact]
    public void A_required_question_the_script_reaches_without_an_answer_is_missing_but_one_a_branch_skips_is_not()
    {
        Assert.Equal(["Missing:smoking"], Found(Copd, CopdComplete(("smoking", ""))));
        // breathlessness "no" goes to cough: breathlessness_at_rest is not asked
        Assert.Empty(Found(Copd, CopdComplete(("breathlessness", "no"), ("breathlessness_at_rest", ""))));
        Assert.Equal(["Missing:breathlessness_at_rest"], Found(Copd, CopdComplete(("breathlessness_at_rest", ""))));
        // flu_vaccine and oxygen_saturation are optional
        Assert.DoesNotContain("Missing:flu_vaccine", Found(Copd, CopdComplete()));
    }

    [Fact]
    public void A_no_that_a_value_or_the_note_contradicts_is_a_contradiction_on_the_yes_no_answer()
    {
        // vomiting three times a day while nausea/vomiting was answered no
        var chemo = Template("breast-cancer-chemotherapy-discharge.json");
        var answers = new[]
        {
            new RecordAnswer("temperature", "36.5"), new("nausea_vomiting", "no"), new("vomiting_times", "3"), new("eating_normally", "yes"),
            new("diarrhea", "no"), new("line_site_problem", "no"), new("blood_test_done", "yes"), new("mouth_sores", "no"), new("bleeding", "no"),
            new("numbness", "no"), new("mood_low", "no"), new("follow_up_visit", "yes"),
        };
        Assert.Equal(["Contradiction:nausea_vomiting"], Found(chemo, answers));
        Assert.Equal(["Contradiction:wound_redness"], Found(Cholecystectomy,
            [new("temperature", "36.8"), new("pain_score", "2"), new("abdominal_pain", "no"), new("jaundice", "no"), new("wound_redness", "no"),
             new("wound_discharge", "no"), new("nausea_vomiting", "no"), new("eating_normally", "yes"), new("diarrhea", "no"), new("follow_up_visit", "no")],
            "伤口发红，范围约2厘米。"));
    }

    [Fact]
    public void A_high_temperature_with_a_note_saying_no_fever_is_a_contradiction_on_the_temperature() =>
        Assert.Equal(["Contradiction:temperature"], Found(Copd, CopdComplete(("temperature", "39.2")), "患者无发热。"));

    [Fact]
    public void A_negated_symptom_in_the_note_agrees_with_a_no() =>
        Assert.Empty(Found(Copd, CopdComplete(("breathlessness", "no"), ("breathlessness_at_rest", "")), "患者无气短，无发热。"));

    [Fact]
    public void Messages_name_the_question_briefly_and_say_what_the_note_said()
    {
        var score = Assert.Single(RecordConformance.Check(Cholecystectomy,
            [new("temperature", "36.8"), new("pain_score", "11"), new("abdominal_pain", "no"), new("jaundice", "no"), new("wound_redness", "no"),
             new("wound_discharge", "no"), new("nausea_vomiting", "no"), new("eating_normally", "yes"), new("diarrhea", "no"), new("follow_up_visit", "no")], null));
        Assert.StartsWith("“您现在的疼痛有几分”", score.Message);
        Assert.DoesNotContain("小数点", score.Message); // a score does not lose a decimal point
        var fever = Assert.Single(RecordConformance.Check(Copd, CopdComplete(("temperature", "39.2")), "患者无发热。"));
        Assert.Contains("没有“发热”", fever.Message);
    }
}

using Suifang.Agent.Scripts;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Presets;
using Suifang.Core.Scripts;
using Suifang.Core.Scripts.Templates;

namespace Suifang.Integrations.Tests.Scripts;

/// The shipped templates (issue #4: at least 12 matching the preset pathways; outpatient and satisfaction per department):
/// each is a valid agent Script, discloses the AI and offers a person (5.1.4), speaks in short sentences (8.1.1), and
/// asks every required question of its pathway with the pathway's key, type and unit (7.2.3.1 b).
public sealed class ScriptTemplateTests
{
    public static TheoryData<string> Pathways() => [.. PathwayPresets.All.Select(p => p.Key)];

    public static TheoryData<string> Templates() => [.. ScriptTemplates.All.Select(t => t.Key)];

    private static Script Load(string key) => ScriptJson.Deserialize(ScriptTemplates.All.Single(t => t.Key == key).Json);

    [Theory, MemberData(nameof(Templates))]
    public void A_template_passes_every_check_discloses_the_AI_and_keeps_its_sentences_short(string key)
    {
        var template = ScriptTemplates.All.Single(t => t.Key == key);
        var script = Load(key);

        Assert.Equal(key, script.Key);
        Assert.Empty(ScriptChecker.Check(script));
        Assert.Contains("的AI智能随访助手", script.Opening);
        Assert.True(ScriptChecker.OffersPerson(script.Opening));
        Assert.Contains("{patient}", script.IdentityCheck);
        Assert.All(script.Questions, q => Assert.True(q.Text.Length <= ScriptChecker.QuestionMaxLength, $"{q.Key} 的问法太长"));
        Assert.All(script.Questions, q => Assert.True(q.Rephrase is { Length: > 0 } r && r.Length < q.Text.Length + 5, $"{q.Key} 缺少更短的换个说法"));
        Assert.Equal((int)template.Purpose, (int)script.Purpose);
    }

    [Theory, MemberData(nameof(Pathways))]
    public void Every_preset_pathway_node_names_its_template_which_asks_each_required_question_with_the_same_key_type_and_unit(string pathwayKey)
    {
        var preset = PathwayPresets.All.Single(p => p.Key == pathwayKey);
        var input = PathwayPresets.ToInput(preset, 1);
        var scriptKey = Assert.Single(input.Nodes.Select(n => n.ScriptKey).Distinct());
        var script = Load(Assert.IsType<string>(scriptKey));
        var asked = script.Questions.ToDictionary(q => q.Key);

        Assert.StartsWith(pathwayKey + "-", script.Key);
        Assert.Equal(input.Nodes.All(n => n.Anchor == AnchorEvent.Visit) ? ScriptPurpose.Outpatient : ScriptPurpose.Discharge, script.Purpose);
        Assert.Contains(script.Department, preset.Departments);
        foreach (var question in input.Nodes.SelectMany(n => n.Questions))
        {
            Assert.True(asked.TryGetValue(question.Key!, out var q), $"{script.Key} 没有问 {question.Key}");
            Assert.Equal((int)question.Kind, (int)q.Type);
            Assert.Equal(question.Unit, q.Unit);
            Assert.Equal(question.Required, q.Required);
            if (question.Kind == AnswerKind.Choice)
                Assert.Equal(PathwayText.Choices(question.Choices), q.Choices);
        }
        Assert.All(script.Questions, q => Assert.Contains(input.Nodes.SelectMany(n => n.Questions), n => n.Key == q.Key));
    }

    [Fact]
    public void Critical_answers_are_confirmed_and_yes_no_symptoms_can_be_answered_by_key_press()
    {
        var questions = ScriptTemplates.All.Select(t => ScriptJson.Deserialize(t.Json)).SelectMany(s => s.Questions).ToList();

        foreach (var critical in new[] { "temperature", "blood_pressure_systolic", "chest_pain", "chest_pain_minutes", "new_weakness", "medication_adherence", "blood_glucose_fasting" })
            Assert.All(questions.Where(q => q.Key == critical), q => Assert.True(q.Confirm, $"{critical} 应复述确认"));
        Assert.All(questions.Where(q => q.Type == AnswerType.YesNo), q => Assert.Equal(["yes", "no"], q.Dtmf.Values.Order().Reverse()));
    }

    [Fact]
    public void Outpatient_and_satisfaction_templates_cover_several_departments()
    {
        var templates = ScriptTemplates.All;

        Assert.True(templates.Count(t => t.Purpose == ScriptRecordPurpose.Discharge) >= 10);
        Assert.True(templates.Where(t => t.Purpose == ScriptRecordPurpose.Outpatient).Select(t => t.Department).Distinct().Count() >= 5);
        Assert.Equal(2, templates.Count(t => t.Purpose == ScriptRecordPurpose.Satisfaction));
        Assert.True(templates.Count >= 12 + 5 + 2);
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.ManualFollowUp;
using Suifang.Core.ManualFollowUp.Editing;
using Suifang.Core.ManualFollowUp.Templates;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Editing;
using Suifang.Core.Pathways.Presets;
using Suifang.Core.Patients;
using Suifang.Testing;

namespace Suifang.Core.Tests.ManualFollowUp;

/// Manual follow-up templates (5.1.4: 配置人工随访的模板，设计问题、选项): shipped forms, the shared vocabulary, versions
/// and department scoping.
public sealed class ManualTemplateTests
{
    [Fact]
    public void Shipped_forms_use_the_shared_vocabulary_with_its_answer_kinds_and_pass_the_editors_checks()
    {
        Assert.Equal(["general-discharge", "psychiatry-follow-up", "veteran-cadre-follow-up"], ManualTemplates.All.Select(t => t.Key).Order());
        foreach (var t in ManualTemplates.All)
        {
            var questions = ManualTemplates.QuestionsOf(t);
            foreach (var q in questions.Where(q => PathwayPresets.Vocabulary.ContainsKey(q.Key)))
                Assert.Equal(PathwayPresets.Vocabulary[q.Key].Kind, q.Kind);
            var input = ManualTemplateInput.From(new ManualFormTemplate { Key = t.Key, Name = t.Name, Questions = questions, Triggers = ManualTemplates.TriggersOf(t) });
            Assert.Empty(ManualTemplateValidation.Check(input));
        }
        var psychiatry = ManualTemplates.QuestionsOf(ManualTemplates.All.Single(t => t.Key == "psychiatry-follow-up")).Select(q => q.Key).ToList();
        Assert.Superset(new HashSet<string> { "mood_low", "sleep_quality", "medication_adherence", "self_harm_thoughts" }, psychiatry.ToHashSet());
    }

    /// Results of manual forms line up with AI calls and questionnaires in the archive and statistics (5.1.4, 5.3.7) only
    /// when they are stored under the shared keys: every question of every shipped form is a vocabulary key.
    [Fact]
    public void Every_question_of_every_shipped_form_is_a_key_of_the_shared_vocabulary()
    {
        var missing = ManualTemplates.All
            .SelectMany(t => ManualTemplates.QuestionsOf(t).Where(q => !PathwayPresets.Vocabulary.ContainsKey(q.Key)).Select(q => $"{t.Key}: {q.Key}"))
            .ToList();
        Assert.Empty(missing);
        var pathwayKeys = PathwayPresets.All.SelectMany(p => PathwayPresets.ToInput(p, 1).Nodes).SelectMany(n => n.Questions).Select(q => q.Key!);
        Assert.All(pathwayKeys, k => Assert.True(PathwayPresets.Vocabulary.ContainsKey(k), $"预设路径的问题编码 {k} 不在词表中"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Forms_are_loaded_into_the_departments_that_need_a_person_and_the_general_form_for_all(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        await using var db = m.NewContext();
        var forms = await db.ManualFormTemplates.AsNoTracking().ToListAsync();
        Assert.Equal(m.Psychiatry.Id, forms.Single(f => f.Key == "psychiatry-follow-up").DepartmentId);
        Assert.Null(forms.Single(f => f.Key == "general-discharge").DepartmentId);
        Assert.DoesNotContain(forms, f => f.Key == "veteran-cadre-follow-up");   // the test hospital has no cadre ward
        Assert.Equal(0, await new ManualTemplateLoader(db, () => m.Now).EnsureAsync(m.World.Hospital.Hospital.Id));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Editing_a_version_a_record_used_makes_the_next_version_and_publishing_it_archives_the_old(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        var entry = await m.OpenEntryAsync((await m.ManualTaskAsync()).Id);
        Assert.True((await m.RecordAsync(m.Nurse(), entry.Id, new ManualRecordInput { Answers = ManualWorld.CalmPsychiatryAnswers() })).Ok);
        await using var db = m.NewContext();
        var used = await db.ManualFormTemplates.AsNoTracking().SingleAsync(t => t.Key == "psychiatry-follow-up");
        var input = ManualTemplateInput.From(used);
        input.Questions.Add(new QuestionInput { Key = "appetite", Text = "最近胃口怎么样？", Kind = AnswerKind.Choice, Choices = "好;一般;差" });

        var saved = await ManualTemplateCommands.SaveAsync(db, m.Nurse(), used.Id, input, m.Now, ManualWorld.None);
        Assert.True(saved.Ok, string.Join(" ", saved.Errors));
        Assert.Equal((2, ManualFormStatus.Draft), (saved.Template!.Version, saved.Template.Status));
        Assert.True((await ManualTemplateCommands.PublishAsync(db, m.Nurse(), saved.Template.Id, m.Now, ManualWorld.None)).Ok);

        var versions = await db.ManualFormTemplates.AsNoTracking().Where(t => t.Key == "psychiatry-follow-up").OrderBy(t => t.Version).ToListAsync();
        Assert.Equal([ManualFormStatus.Archived, ManualFormStatus.Published], versions.Select(v => v.Status));
        Assert.Equal(12, versions[1].Questions.Count);
        Assert.Equal(11, versions[0].Questions.Count);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_edits_only_her_departments_forms_and_the_checks_name_what_to_fix(DatabaseProvider provider)
    {
        await using var m = await ManualWorld.CreateAsync(provider);
        await using var db = m.NewContext();
        var general = await db.ManualFormTemplates.AsNoTracking().SingleAsync(t => t.Key == "general-discharge");
        var cardiologyNurse = m.Nurse("nurse-x", "护士丙", m.World.Hospital.Cardiology.Id);

        var hospitalWide = await ManualTemplateCommands.SaveAsync(db, cardiologyNurse, general.Id, ManualTemplateInput.From(general), m.Now, ManualWorld.None);
        Assert.Equal(Access.Forbidden, hospitalWide.Access);
        var other = new ManualTemplateInput { Name = "精神科新表", DepartmentId = m.Psychiatry.Id, Questions = [new QuestionInput { Key = "mood_low", Text = "心情？", Kind = AnswerKind.YesNo }] };
        Assert.Equal(Access.Forbidden, (await ManualTemplateCommands.SaveAsync(db, cardiologyNurse, null, other, m.Now, ManualWorld.None)).Access);

        var wrong = new ManualTemplateInput
        {
            Name = "心内科表", DepartmentId = m.World.Hospital.Cardiology.Id,
            Questions = [new QuestionInput { Key = "mood_low", Text = "心情打几分？", Kind = AnswerKind.Score }, new QuestionInput { Key = "diet", Text = "饮食？", Kind = AnswerKind.Choice, Choices = "好" }],
        };
        var errors = (await ManualTemplateCommands.SaveAsync(db, cardiologyNurse, null, wrong, m.Now, ManualWorld.None)).Errors;
        Assert.Contains(errors, e => e.Contains("共享问题词表") && e.Contains("是/否"));
        Assert.Contains(errors, e => e.Contains("至少写两个选项"));
    }
}

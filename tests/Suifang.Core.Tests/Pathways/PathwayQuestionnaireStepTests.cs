using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.CreatePathway;
using Suifang.Core.Pathways.EditPathway;
using Suifang.Core.Pathways.Editing;
using Suifang.Core.Questionnaires;
using Suifang.Testing;

namespace Suifang.Core.Tests.Pathways;

/// A pathway node's questionnaire step names WHICH questionnaire or scale it sends (5.1.4, 5.2.3): only a published one of
/// the pathway's department or the whole hospital; without a name it sends one made from the node's questions.
public sealed class PathwayQuestionnaireStepTests
{
    private static readonly Func<DateTime> Clock = () => PathwayFixtures.Now;

    private static async Task AddAsync(TestHospital h, string key, string title, int? departmentId, bool published)
    {
        await using var db = h.Database.NewContext();
        var q = new Questionnaire
        {
            HospitalId = h.Hospital.Id, DepartmentId = departmentId, Key = key, Title = title, DraftJson = "{}",
            LatestVersion = published ? 1 : 0, CreatedAt = PathwayFixtures.Now, UpdatedAt = PathwayFixtures.Now,
        };
        if (published)
            q.Versions.Add(new QuestionnaireVersion { Version = 1, Title = title, ContentJson = "{}", PublishedAt = PathwayFixtures.Now });
        db.Questionnaires.Add(q);
        await db.SaveChangesAsync();
    }

    private static PathwayInput Sending(int departmentId, string? key)
    {
        var input = PathwayFixtures.Valid(departmentId);
        input.Nodes[1].Channels[1].QuestionnaireKey = key; // AI call → questionnaire → manual
        return input;
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_step_sends_the_chosen_published_questionnaire_and_the_choice_survives_a_later_edit(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await AddAsync(h, "cardio-wound", "心内科伤口问卷", h.Cardiology.Id, published: true);
        await AddAsync(h, "phq-9", "PHQ-9 抑郁筛查", null, published: true);
        var doctor = PathwayFixtures.Doctor(h, h.Cardiology.Id);

        await using var db = h.Database.NewContext();
        var created = await new CreatePathwayHandler(db, Clock).HandleAsync(Sending(h.Cardiology.Id, "cardio-wound"), doctor);
        Assert.True(created.Succeeded, created.Message);
        var stored = await db.Pathways.AsNoTracking().Include(p => p.Nodes).SingleAsync(p => p.Id == created.PathwayId);
        Assert.Equal("cardio-wound", stored.Nodes.OrderBy(n => n.Order).Last().Channels[1].QuestionnaireKey);
        Assert.Null(stored.Nodes.OrderBy(n => n.Order).First().Channels[1].QuestionnaireKey);

        var input = PathwayInput.From(stored);
        Assert.Equal("cardio-wound", input.Nodes[1].Channels[1].QuestionnaireKey);
        input.Nodes[0].Channels[1].QuestionnaireKey = "phq-9"; // a hospital-wide scale
        await using var db2 = h.Database.NewContext();
        Assert.True((await new EditPathwayHandler(db2, Clock).HandleAsync(stored.Id, input, doctor)).Succeeded);
        var edited = await db2.Pathways.AsNoTracking().Include(p => p.Nodes).SingleAsync(p => p.Id == stored.Id);
        Assert.Equal(["phq-9", "cardio-wound"], edited.Nodes.OrderBy(n => n.Order).Select(n => n.Channels[1].QuestionnaireKey));

        var choices = await PublishedQuestionnaires.ListAsync(db2, h.Hospital.Id, default);
        Assert.Equal(new HashSet<string> { "心内科伤口问卷", "PHQ-9 抑郁筛查" }, choices.Where(c => c.FitsDepartment(h.Cardiology.Id)).Select(c => c.Title).ToHashSet());
        Assert.DoesNotContain(choices, c => c.FitsDepartment(h.Neurology.Id) && c.Key == "cardio-wound");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_draft_a_deleted_or_another_departments_questionnaire_is_refused_with_a_Chinese_way_to_fix_it(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await AddAsync(h, "cardio-draft", "心内科草稿问卷", h.Cardiology.Id, published: false);
        await AddAsync(h, "neuro-survey", "神经内科问卷", h.Neurology.Id, published: true);
        var doctor = PathwayFixtures.Doctor(h, h.Cardiology.Id);

        async Task<string> RefusalAsync(string key)
        {
            await using var db = h.Database.NewContext();
            var r = await new CreatePathwayHandler(db, Clock).HandleAsync(Sending(h.Cardiology.Id, key), doctor);
            Assert.False(r.Succeeded);
            var e = Assert.Single(r.Errors);
            Assert.Contains("随访方式 2", e.Field);
            return e.Message;
        }

        Assert.Contains("还没有发布", await RefusalAsync("cardio-draft"));
        Assert.Contains("点“发布”", await RefusalAsync("cardio-draft"));
        Assert.Contains("属于其他科室", await RefusalAsync("neuro-survey"));
        Assert.Contains("不存在或已删除", await RefusalAsync("no-such-form"));
        await using var check = h.Database.NewContext();
        Assert.Equal(0, await check.Pathways.CountAsync());
    }
}

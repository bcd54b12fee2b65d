using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Questionnaires;

/// Per-patient links (5.1.4): hashed tokens, expiry, progress, one idempotent submission whose answers become
/// follow-up results and to-dos.
public sealed class QuestionnaireSubmissionTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);

    private static async Task<(TestHospital Hospital, long PatientId, string Token, long LinkId)> LinkAsync(DatabaseProvider provider, string scale,
        TimeSpan? validFor = null)
    {
        var hospital = await TestHospital.CreateAsync(provider);
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(Now.AddDays(-3), hospital.Cardiology.Id)))[0];
        await using var db = hospital.Database.NewContext();
        await QuestionnaireCatalogue.InstallScalesAsync(db, hospital.Hospital.Id, Now, None);
        var version = await db.QuestionnaireVersions.Include(v => v.Questionnaire).SingleAsync(v => v.Questionnaire!.Key == scale);
        var made = await QuestionnaireLinks.CreateAsync(db, new LinkRequest(hospital.Hospital.Id, hospital.Cardiology.Id, patient.Id, version,
            validFor ?? TimeSpan.FromDays(7), Period: "D+7"), Now, None);
        return (hospital, patient.Id, made.Token, made.Link.Id);
    }

    private static Dictionary<string, string> Phq9(string each, string item9 = "0") =>
        Enumerable.Range(1, 9).ToDictionary(i => $"phq9_{i}", i => i == 9 ? item9 : each);

    [Theory, ClassData(typeof(Providers))]
    public async Task Submission_stores_score_band_results_and_to_dos_for_high_risk_and_item_9(DatabaseProvider provider)
    {
        var (hospital, patientId, token, _) = await LinkAsync(provider, "phq-9");
        await using var _h = hospital;
        var result = await PageSubmission.SubmitAsync(hospital.Database.NewContext, token, Phq9("2", item9: "1"), Now.AddHours(1));

        Assert.Equal(SubmitStatus.Accepted, result.Status);
        Assert.Equal((17, "中重度抑郁"), (result.Score!.Score, result.Score.Label));
        await using var check = hospital.Database.NewContext();
        var response = await check.QuestionnaireResponses.SingleAsync();
        Assert.Equal((17.0, RiskLevel.High, "D+7"), (response.Score, response.Risk, response.Period));
        var score = await check.FollowUpResults.SingleAsync(r => r.PatientId == patientId);
        Assert.Equal(("phq_9_score", "17", ResultSource.Questionnaire), (score.QuestionKey, score.Value, score.Source));
        var todos = await check.Todos.OrderByDescending(t => t.Urgency).ToListAsync();
        Assert.Equal([TodoUrgency.Critical, TodoUrgency.Urgent], todos.Select(t => t.Urgency));
        Assert.All(todos, t => Assert.Equal(("questionnaire", TodoKind.Abnormal), (t.Source, t.Kind)));
        Assert.Contains("轻生", todos[0].Reason);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Vocabulary_answers_become_follow_up_results_the_triggers_read(DatabaseProvider provider)
    {
        var (hospital, patientId, token, _) = await LinkAsync(provider, "satisfaction");
        await using var _h = hospital;
        var answers = new Dictionary<string, string>
        {
            ["satisfaction_overall"] = "不满意", ["satisfaction_doctor"] = "满意", ["satisfaction_nurse"] = "非常满意",
            ["satisfaction_environment"] = "一般", ["waiting_time"] = "太久了", ["explanation_clear"] = "yes", ["recommend_hospital"] = "no",
        };
        Assert.Equal(SubmitStatus.Accepted, (await PageSubmission.SubmitAsync(hospital.Database.NewContext, token, answers, Now)).Status);

        await using var check = hospital.Database.NewContext();
        var results = await check.FollowUpResults.Where(r => r.PatientId == patientId).ToDictionaryAsync(r => r.QuestionKey, r => r.Value);
        Assert.Equal("不满意", results["satisfaction_overall"]);
        Assert.Equal("no", results["recommend_hospital"]);
        Assert.Equal("48", results["satisfaction_score"]); // (0 + 80 + 100 + 60 + 0) / 5
        Assert.Contains(await check.Todos.Select(t => t.Reason).ToListAsync(), r => r.Contains("总体不满意"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Second_submission_returns_the_first_and_stores_nothing_twice(DatabaseProvider provider)
    {
        var (hospital, _, token, _) = await LinkAsync(provider, "phq-9");
        await using var _h = hospital;
        Assert.Equal(SubmitStatus.Accepted, (await PageSubmission.SubmitAsync(hospital.Database.NewContext, token, Phq9("1"), Now)).Status);
        var again = await PageSubmission.SubmitAsync(hospital.Database.NewContext, token, Phq9("3"), Now);
        Assert.Equal((SubmitStatus.AlreadySubmitted, 8.0), (again.Status, again.Score!.Score)); // 8 × 1 + item 9 at 0
        await using var check = hospital.Database.NewContext();
        Assert.Equal(1, await check.QuestionnaireResponses.CountAsync());
        Assert.Equal(1, await check.FollowUpResults.CountAsync());
    }

    /// Eight taps at once on two nodes (two writers, each with its own group commit).
    [Theory, ClassData(typeof(Providers))]
    public async Task Concurrent_double_submits_store_exactly_one_response(DatabaseProvider provider)
    {
        var (hospital, _, token, _) = await LinkAsync(provider, "phq-9");
        await using var _h = hospital;
        await using var nodeA = new SubmissionWriter(hospital.Database.NewContext);
        await using var nodeB = new SubmissionWriter(hospital.Database.NewContext);
        var submits = Enumerable.Range(0, 8).Select(async i => (await PageSubmission.SubmitAsync(hospital.Database.NewContext, token,
            Phq9((i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture)), Now, i % 2 == 0 ? nodeA : nodeB)).Status);
        var statuses = await Task.WhenAll(submits);

        Assert.Equal(1, statuses.Count(s => s == SubmitStatus.Accepted));
        Assert.Equal(7, statuses.Count(s => s == SubmitStatus.AlreadySubmitted));
        await using var check = hospital.Database.NewContext();
        Assert.Equal(1, await check.QuestionnaireResponses.CountAsync());
        Assert.Equal(1, await check.FollowUpResults.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Expired_tampered_and_invalid_submissions_are_refused_and_progress_is_kept(DatabaseProvider provider)
    {
        var (hospital, _, token, linkId) = await LinkAsync(provider, "phq-9", TimeSpan.FromDays(1));
        await using var _h = hospital;
        await using var db = hospital.Database.NewContext();
        Assert.Equal(LinkState.Open, await QuestionnaireLinks.SaveProgressAsync(db, token, new Dictionary<string, string> { ["phq9_1"] = "2", ["nope"] = "x" }, Now, None));
        var incomplete = await PageSubmission.SubmitAsync(hospital.Database.NewContext, token, new Dictionary<string, string> { ["phq9_1"] = "2" }, Now);
        Assert.Equal((SubmitStatus.Invalid, 8), (incomplete.Status, incomplete.Problems!.Count));

        var tampered = token[..^1] + (token[^1] == 'a' ? 'b' : 'a');
        Assert.Equal(SubmitStatus.Unknown, (await PageSubmission.SubmitAsync(hospital.Database.NewContext, tampered, Phq9("0"), Now)).Status);
        Assert.Equal(SubmitStatus.Unknown, (await PageSubmission.SubmitAsync(hospital.Database.NewContext, "../../etc", Phq9("0"), Now)).Status);
        Assert.Equal(SubmitStatus.Expired, (await PageSubmission.SubmitAsync(hospital.Database.NewContext, token, Phq9("0"), Now.AddDays(1))).Status);

        await using var check = hospital.Database.NewContext();
        var link = await check.QuestionnaireLinks.SingleAsync(l => l.Id == linkId);
        Assert.Equal("""{"phq9_1":"2"}""", link.ProgressJson);
        Assert.NotEqual(token, link.TokenHash);
        Assert.Equal(LinkTokens.Hash(token), link.TokenHash);
        Assert.Null(link.SubmittedAt);
    }
}

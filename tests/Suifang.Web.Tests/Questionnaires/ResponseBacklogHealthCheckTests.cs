using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;
using Suifang.Testing;
using Suifang.Web.Questionnaires;

namespace Suifang.Web.Tests.Questionnaires;

/// /health's questionnaire check (8.2.2: the operator sees a stage that lags): "Degraded" once a submitted response has
/// waited more than StaleMinutes (5) for its processing (results, to-dos), "Healthy" while none waits that long.
public sealed class ResponseBacklogHealthCheckTests
{
    private static readonly DateTime Submitted = new(2026, 12, 1, 10, 0, 0);

    [Theory, ClassData(typeof(Providers))]
    public async Task A_response_unprocessed_for_more_than_five_minutes_degrades_health_and_processing_it_heals(DatabaseProvider provider)
    {
        await using var hospital = await TestHospital.CreateAsync(provider);
        var responseId = await SubmittedResponseAsync(hospital);
        var time = new SetTime();
        var check = new ResponseBacklogHealthCheck(new Contexts(hospital.Database), HospitalClock.ChinaStandard(time),
            Options.Create(new ResponseProcessingOptions()));

        time.Hospital = Submitted.AddMinutes(5);
        var atFive = await check.CheckHealthAsync(new HealthCheckContext());
        time.Hospital = Submitted.AddMinutes(5).AddSeconds(1);
        var pastFive = await check.CheckHealthAsync(new HealthCheckContext());
        await using (var db = hospital.Database.NewContext())
            await db.QuestionnaireResponses.Where(r => r.Id == responseId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ProcessedAt, time.Hospital));
        var processed = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, atFive.Status);
        Assert.Contains("1 questionnaire responses wait", atFive.Description);
        Assert.Equal(HealthStatus.Degraded, pastFive.Status);
        Assert.Contains("the oldest for 5 min", pastFive.Description);
        Assert.Equal(HealthStatus.Healthy, processed.Status);
        Assert.Equal("no questionnaire response waits for processing", processed.Description);
    }

    /// One PHQ-9 response stored by stage 1 (SubmittedAt set, ProcessedAt null: stage 2 has not seen it).
    private static async Task<long> SubmittedResponseAsync(TestHospital hospital)
    {
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(Submitted.AddDays(-3), hospital.Cardiology.Id)))[0];
        await using var db = hospital.Database.NewContext();
        await QuestionnaireCatalogue.InstallScalesAsync(db, hospital.Hospital.Id, Submitted, CancellationToken.None);
        var version = await db.QuestionnaireVersions.Include(v => v.Questionnaire).SingleAsync(v => v.Questionnaire!.Key == "phq-9");
        var link = (await QuestionnaireLinks.CreateAsync(db, new LinkRequest(hospital.Hospital.Id, hospital.Cardiology.Id, patient.Id, version,
            TimeSpan.FromDays(7), Period: "D+7"), Submitted, CancellationToken.None)).Link;
        var response = new QuestionnaireResponse
        {
            LinkId = link.Id, HospitalId = link.HospitalId, DepartmentId = link.DepartmentId, PatientId = link.PatientId,
            QuestionnaireId = link.QuestionnaireId, VersionId = link.VersionId, AnswersJson = "{}", Period = link.Period, SubmittedAt = Submitted,
        };
        db.QuestionnaireResponses.Add(response);
        await db.SaveChangesAsync();
        return response.Id;
    }

    /// The test's clock, set in hospital local time (Asia/Shanghai, UTC+8).
    private sealed class SetTime : TimeProvider
    {
        public DateTime Hospital { get; set; } = Submitted;

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(Hospital, TimeSpan.FromHours(8)).ToUniversalTime();
    }

    private sealed class Contexts(TestDatabase database) : IDbContextFactory<SuifangDbContext>
    {
        public SuifangDbContext CreateDbContext() => database.NewContext();
    }
}

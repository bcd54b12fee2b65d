using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;
using Suifang.Testing;

namespace Suifang.Core.Tests.Questionnaires;

/// Group commit of questionnaire submissions (issue #5 benchmark: 1,000 at once, none lost, none doubled): several
/// submissions are written in one transaction; a link is still submitted once — within a batch, across batches and
/// across a restart of the writer — and a failed batch loses nothing that was acknowledged.
public sealed class SubmissionBatchTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);
    private const string Poison = "POISON";

    internal static async Task<(TestHospital Hospital, List<string> Tokens)> LinksAsync(DatabaseProvider provider, params string[] periods)
    {
        var hospital = await TestHospital.CreateAsync(provider);
        var patients = await hospital.AddAsync(periods.Select(_ => hospital.Patient().DischargedOn(Now.AddDays(-3), hospital.Cardiology.Id)).ToArray());
        await using var db = hospital.Database.NewContext();
        await QuestionnaireCatalogue.InstallScalesAsync(db, hospital.Hospital.Id, Now, None);
        var version = await db.QuestionnaireVersions.Include(v => v.Questionnaire).SingleAsync(v => v.Questionnaire!.Key == "phq-9");
        var tokens = new List<string>();
        for (var i = 0; i < periods.Length; i++)
        {
            var made = await QuestionnaireLinks.CreateAsync(db, new LinkRequest(hospital.Hospital.Id, hospital.Cardiology.Id, patients[i].Id, version,
                TimeSpan.FromDays(7), Period: periods[i]), Now, None);
            tokens.Add(made.Token);
        }
        return (hospital, tokens);
    }

    internal static Dictionary<string, string> Phq9(string each) => Enumerable.Range(1, 9).ToDictionary(i => $"phq9_{i}", _ => each);

    private static Submission Submit(string token, string each) => new(token, Phq9(each), Now);

    /// Stage 2 drained first, so the score results are there.
    private static async Task<(int Responses, int Results, int Submitted)> CountsAsync(TestHospital hospital)
    {
        await PageSubmission.Processor(hospital.Database.NewContext, Now).DrainAsync();
        await using var db = hospital.Database.NewContext();
        return (await db.QuestionnaireResponses.CountAsync(), await db.FollowUpResults.CountAsync(), await db.QuestionnaireLinks.CountAsync(l => l.SubmittedAt != null));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_double_tap_in_the_same_batch_stores_the_first_submission_once(DatabaseProvider provider)
    {
        var (hospital, tokens) = await LinksAsync(provider, "D+7", "D+7");
        await using var _h = hospital;
        var batch = new[] { Submit(tokens[0], "1"), Submit(tokens[1], "2"), Submit(tokens[0], "3") };

        SubmitResult[] results;
        await using (var db = hospital.Database.NewContext())
            results = await SubmissionBatch.SaveAsync(db, new QuestionnaireVersionCache(), batch, None);

        Assert.Equal([SubmitStatus.Accepted, SubmitStatus.Accepted, SubmitStatus.AlreadySubmitted], results.Select(r => r.Status));
        Assert.Equal(results[0].ResponseId, results[2].ResponseId);
        Assert.Equal(9.0, results[2].Score!.Score); // the first tap's answers (9 × 1), not the second's
        Assert.Equal((2, 2, 2), await CountsAsync(hospital)); // one response and one score result per link
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_submission_queued_before_a_restart_finds_the_link_taken_by_the_committed_one(DatabaseProvider provider)
    {
        var (hospital, tokens) = await LinksAsync(provider, "D+7");
        await using var _h = hospital;
        // Both taps were sent while the link was still open, then written in two batches by two writers (a restart between).
        var first = Submit(tokens[0], "1");
        var second = Submit(tokens[0], "3");

        SubmitResult accepted, again;
        await using (var before = new SubmissionWriter(hospital.Database.NewContext))
            accepted = await before.SubmitAsync(first, None);
        await using (var after = new SubmissionWriter(hospital.Database.NewContext))
            again = await after.SubmitAsync(second, None);

        Assert.Equal((SubmitStatus.Accepted, SubmitStatus.AlreadySubmitted), (accepted.Status, again.Status));
        Assert.Equal(accepted.ResponseId, again.ResponseId);
        Assert.Equal(9.0, again.Score!.Score);
        Assert.Equal((1, 1, 1), await CountsAsync(hospital));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_burst_of_concurrent_double_taps_through_the_writer_stores_each_link_once(DatabaseProvider provider)
    {
        var (hospital, tokens) = await LinksAsync(provider, Enumerable.Repeat("D+7", 30).ToArray());
        await using var _h = hospital;
        var pending = tokens.SelectMany(t => new[] { Submit(t, "1"), Submit(t, "2") }).ToList();
        await using var writer = new SubmissionWriter(hospital.Database.NewContext);

        var results = await Task.WhenAll(pending.Select(p => writer.SubmitAsync(p, None)));

        Assert.Equal(30, results.Count(r => r.Status == SubmitStatus.Accepted));
        Assert.Equal(30, results.Count(r => r.Status == SubmitStatus.AlreadySubmitted));
        Assert.Equal(30, results.Select(r => r.ResponseId).Distinct().Count());
        Assert.Equal((30, 30, 30), await CountsAsync(hospital));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_failed_batch_is_rolled_back_only_the_failing_submission_is_refused_in_chinese_and_earlier_ones_stay(DatabaseProvider provider)
    {
        var (hospital, tokens) = await LinksAsync(provider, "D+7", Poison, "D+14");
        await using var _h = hospital;
        // A broken write: a stray response row already holds the poisoned link's place in the unique index (the stage-1
        // insert goes around EF's command pipeline, so the failure has to come from the database itself).
        long blocker;
        await using (var db = hospital.Database.NewContext())
        {
            var link = await db.QuestionnaireLinks.AsNoTracking().SingleAsync(l => l.Period == Poison);
            var stray = new QuestionnaireResponse
            {
                LinkId = link.Id, HospitalId = link.HospitalId, DepartmentId = link.DepartmentId, PatientId = link.PatientId,
                QuestionnaireId = link.QuestionnaireId, VersionId = link.VersionId, AnswersJson = "{}", Period = "stray", SubmittedAt = Now, ProcessedAt = Now,
            };
            db.QuestionnaireResponses.Add(stray);
            await db.SaveChangesAsync();
            blocker = stray.Id;
        }
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var contexts = 0;
        SuifangDbContext NewContext()
        {
            if (Interlocked.Increment(ref contexts) == 1)
            {
                entered.SetResult();
                release.Task.Wait(); // hold the first batch until the next two are queued, so they form one batch
            }
            return hospital.Database.NewContext();
        }
        var (a, b, c) = (Submit(tokens[0], "1"), Submit(tokens[1], "1"), Submit(tokens[2], "1"));
        await using var writer = new SubmissionWriter(NewContext);

        var first = writer.SubmitAsync(a, None);
        await entered.Task;
        var poisoned = writer.SubmitAsync(b, None);
        var neighbour = writer.SubmitAsync(c, None);
        release.SetResult();
        var results = await Task.WhenAll(first, poisoned, neighbour);

        Assert.Equal(2, writer.Batches); // [a], then [b, c] together
        Assert.Equal([SubmitStatus.Accepted, SubmitStatus.Failed, SubmitStatus.Accepted], results.Select(r => r.Status));
        await PageSubmission.Processor(hospital.Database.NewContext, Now).DrainAsync();
        Assert.Contains("请稍等片刻后再点一次", Assert.Single(results[1].Problems!).Problem);
        await using (var db = hospital.Database.NewContext())
        {
            var stored = await db.QuestionnaireResponses.Where(r => r.Id != blocker).Select(r => r.Period).OrderBy(p => p).ToListAsync();
            Assert.Equal(["D+14", "D+7"], stored); // the acknowledged ones, nothing of the failed one
            Assert.Equal(0, await db.FollowUpResults.CountAsync(r => r.Period == Poison));
            Assert.False(await db.QuestionnaireLinks.AnyAsync(l => l.Period == Poison && l.SubmittedAt != null)); // still open
        }

        await using (var db = hospital.Database.NewContext()) // the database works again: the patient taps once more
            await db.QuestionnaireResponses.Where(r => r.Id == blocker).ExecuteDeleteAsync();
        Assert.Equal(SubmitStatus.Accepted, (await writer.SubmitAsync(Submit(tokens[1], "2"), None)).Status);
        Assert.Equal((3, 3, 3), await CountsAsync(hospital));
    }

    /// Fails every command that carries the given parameter value (here: a link's period), as a broken write would.
    internal sealed class FailOnValue(string value) : DbCommandInterceptor
    {
        public bool Enabled { get; set; } = true;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Check(DbCommand command)
        {
            if (Enabled && command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, value)))
                throw new InvalidOperationException("injected write failure");
        }
    }
}

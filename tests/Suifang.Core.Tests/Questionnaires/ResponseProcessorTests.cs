using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires.Links;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Questionnaires;

/// Stage 2 of a submission (issue #5, 1,000 at once): the patient waits only for the stored response; results, to-dos
/// and alerts follow in the ResponseProcessor — each response exactly once, also across a crash between the stages, a
/// failing batch, and two nodes processing the same backlog.
public sealed class ResponseProcessorTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);

    /// PHQ-9 with every item at `each` and item 9 ("thoughts of self-harm") at `item9`.
    private static Dictionary<string, string> Phq9(string each, string item9) =>
        Enumerable.Range(1, 9).ToDictionary(i => $"phq9_{i}", i => i == 9 ? item9 : each);

    private static async Task<(int Responses, int Unprocessed, int Results, int Todos)> CountsAsync(TestHospital hospital)
    {
        await using var db = hospital.Database.NewContext();
        return (await db.QuestionnaireResponses.CountAsync(), await ResponseProcessor.BacklogAsync(db, None),
            await db.FollowUpResults.CountAsync(), await db.Todos.CountAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_response_stored_before_a_crash_is_processed_once_after_the_restart_and_its_critical_answer_becomes_a_critical_todo(DatabaseProvider provider)
    {
        var (hospital, tokens) = await SubmissionBatchTests.LinksAsync(provider, "D+7");
        await using var _h = hospital;
        SubmitResult accepted;
        await using (var writer = new SubmissionWriter(hospital.Database.NewContext))
            accepted = await writer.SubmitAsync(new Submission(tokens[0], Phq9("2", item9: "1"), Now), None);
        // The host stopped here (between the stages): the patient has the answer, the response waits for processing.
        Assert.Equal((SubmitStatus.Accepted, 17.0), (accepted.Status, accepted.Score!.Score));
        Assert.Equal((1, 1, 0, 0), await CountsAsync(hospital));

        var restarted = PageSubmission.Processor(hospital.Database.NewContext, Now.AddMinutes(1));
        Assert.Equal(1, await restarted.DrainAsync());

        Assert.Equal((1, 0, 1, 2), await CountsAsync(hospital));
        await using (var db = hospital.Database.NewContext())
        {
            var todos = await db.Todos.OrderByDescending(t => t.Urgency).ToListAsync();
            Assert.Equal([TodoUrgency.Critical, TodoUrgency.Urgent], todos.Select(t => t.Urgency));
            Assert.Contains("轻生", todos[0].Reason);
            Assert.Equal(Now.AddMinutes(1), (await db.QuestionnaireResponses.SingleAsync()).ProcessedAt);
        }
        // Another start, another node: nothing is processed twice.
        Assert.Equal(0, await PageSubmission.Processor(hospital.Database.NewContext, Now.AddMinutes(2)).DrainAsync());
        Assert.Equal(0, await restarted.DrainAsync());
        Assert.Equal((1, 0, 1, 2), await CountsAsync(hospital));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_failing_batch_is_rolled_back_the_others_are_processed_and_the_bad_one_waits_in_the_backlog_for_the_sweep(DatabaseProvider provider)
    {
        const string poison = "POISON";
        var (hospital, tokens) = await SubmissionBatchTests.LinksAsync(provider, "D+7", poison, "D+14");
        await using var _h = hospital;
        await using (var writer = new SubmissionWriter(hospital.Database.NewContext))
            await Task.WhenAll(tokens.Select(t => writer.SubmitAsync(new Submission(t, Phq9("1", item9: "0"), Now), None)));
        var failing = new SubmissionBatchTests.FailOnValue(poison);
        var processor = new ResponseProcessor(() => hospital.Database.NewContext(failing), new QuestionnaireVersionCache(), () => Now);

        await processor.DrainAsync();

        Assert.Equal((3, 1, 2, 0), await CountsAsync(hospital)); // the poisoned one left nothing behind and is still to do
        await using (var db = hospital.Database.NewContext())
            Assert.Null((await db.QuestionnaireResponses.SingleAsync(r => r.Period == poison)).ProcessedAt);
        failing.Enabled = false;
        Assert.Equal(0, await processor.DrainAsync()); // skipped until the sweep tries it again
        processor.RetryFailures();
        Assert.Equal(1, await processor.DrainAsync());
        Assert.Equal((3, 0, 3, 0), await CountsAsync(hospital));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Two_nodes_draining_the_same_backlog_at_once_process_each_response_once(DatabaseProvider provider)
    {
        var (hospital, tokens) = await SubmissionBatchTests.LinksAsync(provider, Enumerable.Repeat("D+7", 24).ToArray());
        await using var _h = hospital;
        await using (var writer = new SubmissionWriter(hospital.Database.NewContext))
            await Task.WhenAll(tokens.Select(t => writer.SubmitAsync(new Submission(t, Phq9("0", item9: "1"), Now), None)));
        var nodes = Enumerable.Range(0, 2)
            .Select(_ => new ResponseProcessor(hospital.Database.NewContext, new QuestionnaireVersionCache(), () => Now, maxBatch: 5)).ToList();

        await Task.WhenAll(nodes.Select(n => n.DrainAsync()));
        await Task.WhenAll(nodes.Select(n => n.DrainAsync())); // a response a node skipped after losing a race is picked up again

        Assert.Equal((24, 0, 24, 24), await CountsAsync(hospital)); // one score result and one critical to-do per response
    }
}

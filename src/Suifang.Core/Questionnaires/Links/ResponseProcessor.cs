using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks.Engine;
using Suifang.Core.Todos;

namespace Suifang.Core.Questionnaires.Links;

/// Stage 2 of a submission, which the patient does not wait for: turns stored responses that are not yet processed
/// (ProcessedAt null) into follow-up results, to-dos of abnormal answers and high-risk scores (so critical answers such
/// as PHQ-9 item 9 reach the alert service), and the waiting task's completion (TaskMaintenance.AnswerAsync, or
/// LateAnswers when the fallback was already created). Each batch is ONE transaction that first claims its responses
/// (ProcessedAt set where it is still null — two nodes never process the same response) and ends by stamping
/// ProcessedAt with the moment its effects become visible: a response is processed exactly once, and a crash between
/// the stages or within a batch leaves it unprocessed for the next run (start-up, the periodic sweep). A batch that fails
/// is rolled back and processed response by response; one that fails alone is skipped until the next sweep (the backlog
/// count shows it). One per host; the host's ResponseProcessingService decides when it runs, tests call DrainAsync.
public sealed class ResponseProcessor(Func<SuifangDbContext> newContext, QuestionnaireVersionCache cache, Func<DateTime> clock,
    ILogger<ResponseProcessor>? log = null, int maxBatch = ResponseProcessor.DefaultMaxBatch)
{
    public const int DefaultMaxBatch = 200;

    private readonly ILogger _log = log ?? NullLogger<ResponseProcessor>.Instance;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<long> _failing = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// Responses were stored (the SubmissionWriter calls this after a commit): wakes WaitForWorkAsync.
    public void Notify() => _wake.Writer.TryWrite(true);

    /// True when woken by Notify, false when the time ran out (the periodic sweep).
    public async Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            return await _wake.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// The responses that failed alone are tried again (the periodic sweep calls this).
    public void RetryFailures()
    {
        lock (_failing)
            _failing.Clear();
    }

    /// Processes everything not yet processed (responses failing alone aside); returns how many were taken. Tests call
    /// this after submitting, instead of waiting for the host's service.
    public async Task<int> DrainAsync(CancellationToken ct = default)
    {
        var total = 0;
        for (int taken; (taken = await RunOnceAsync(ct)) > 0;)
            total += taken;
        return total;
    }

    /// One batch of the oldest unprocessed responses; returns how many it took (0: nothing left to do).
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            List<long> ids;
            long[] failing;
            lock (_failing)
                failing = [.. _failing];
            await using (var db = newContext())
                ids = await db.QuestionnaireResponses.Where(r => r.ProcessedAt == null).OrderBy(r => r.Id).Select(r => r.Id)
                    .Take(maxBatch + failing.Length).ToListAsync(ct);
            ids = ids.Except(failing).Take(maxBatch).ToList();
            if (ids.Count == 0)
                return 0;
            try
            {
                await ProcessAsync(ids, ct);
                return ids.Count;
            }
            catch (Exception e) when (ids.Count > 1 && !ct.IsCancellationRequested)
            {
                _log.LogWarning(e, "A batch of {Count} questionnaire responses failed and was rolled back; processing each alone", ids.Count);
            }
            foreach (var id in ids)
            {
                try
                {
                    await ProcessAsync([id], ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    _log.LogError(e, "Questionnaire response {Response} could not be processed; it stays in the backlog and is tried again at the next sweep", id);
                    lock (_failing)
                        _failing.Add(id);
                }
            }
            return ids.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// How many stored responses wait for processing (the monitoring page shows it).
    public static Task<int> BacklogAsync(SuifangDbContext db, CancellationToken ct) =>
        db.QuestionnaireResponses.CountAsync(r => r.ProcessedAt == null, ct);

    private async Task ProcessAsync(List<long> ids, CancellationToken ct)
    {
        await using var db = newContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.QuestionnaireResponses.Where(r => ids.Contains(r.Id) && r.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ProcessedAt, clock()), ct);
        if (claimed == 0)
            return; // another node processed them
        if (claimed != ids.Count)
            throw new InvalidOperationException("another node processed some of these responses meanwhile");
        var responses = await db.QuestionnaireResponses.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(ct);
        var linkIds = responses.Select(r => r.LinkId).ToList();
        var links = await db.QuestionnaireLinks.AsNoTracking().Where(l => linkIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var triggers = await StepTriggersAsync(db, links.Values, ct);
        var todos = new List<TodoItem>();
        var answered = new List<(long TaskId, string Summary, DateTime At)>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var response in responses)
        {
            var link = links[response.LinkId];
            var version = await cache.VersionAsync(db, response.VersionId, ct)
                ?? throw new InvalidOperationException($"questionnaire version {response.VersionId} not found");
            var answers = QuestionnaireJson.ReadAnswers(response.AnswersJson);
            var score = QuestionnaireScoring.Score(version.Content, answers);
            var stepTriggers = link.PlanStepId is { } stepId && triggers.TryGetValue(stepId, out var t) ? t : [];
            var outcome = ResponseOutcome.Build(link, version, version.Content, answers, score, stepTriggers, response.SubmittedAt);
            db.FollowUpResults.AddRange(outcome.Results);
            todos.AddRange(outcome.Todos);
            if (link.TaskId is { } taskId)
                answered.Add((taskId, outcome.Summary, response.SubmittedAt));
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        // The same finding may already be open from the phone reminder that ran meanwhile: one to-do, not two.
        db.Todos.AddRange(await TodoDuplicates.WithoutOpenAsync(db, todos, ct));
        await db.SaveChangesAsync(ct);
        // Waiting: the answer completes the task. Answered late (the fallback was created): the step is done all the
        // same and every pending reminder and fallback is cancelled (issue #3).
        foreach (var (taskId, summary, at) in answered)
        {
            if (!await TaskMaintenance.AnswerAsync(db, taskId, summary, at, ct))
                await LateAnswers.ApplyAsync(db, taskId, summary, at, ct);
        }
        // The mark says when the effects became visible (the bench's delay from submission to to-do reads it).
        await db.QuestionnaireResponses.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.ProcessedAt, clock()), ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<Dictionary<long, IReadOnlyList<TriggerRule>>> StepTriggersAsync(SuifangDbContext db, IEnumerable<QuestionnaireLink> links,
        CancellationToken ct)
    {
        var stepIds = links.Select(l => l.PlanStepId).OfType<long>().Distinct().ToList();
        if (stepIds.Count == 0)
            return [];
        var steps = await db.PlanSteps.AsNoTracking().Include(s => s.Node).Where(s => stepIds.Contains(s.Id)).ToListAsync(ct);
        return steps.ToDictionary(s => s.Id, s => (IReadOnlyList<TriggerRule>)s.Content.Triggers);
    }
}

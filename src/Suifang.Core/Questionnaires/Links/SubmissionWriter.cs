using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Suifang.Core.Data;

namespace Suifang.Core.Questionnaires.Links;

/// Group commit for questionnaire submissions (stage 1, what the patient waits for): requests queue their submission
/// (token, answers, moment) here and await it; one writer takes everything queued (up to MaxBatch) and SubmissionBatch
/// reads the batch's links in one query, decides each and writes the accepted ones in one transaction, so a burst of a
/// thousand patients costs a few reads and commits instead of a thousand. A request is answered only after its batch
/// committed (a crash before that loses nothing that was acknowledged: the link stays open and the patient's page still
/// has the answers). A batch that fails is rolled back and written again submission by submission, so only the
/// submissions that fail alone are answered with the Chinese "please submit again" (SubmitResult.Failed); other batches
/// are untouched. After a commit that stored responses it calls `stored` (the ResponseProcessor's wake-up), and it keeps
/// the time of its last submission (LastActivity), so that stage 2 can wait for a burst to pass.
/// One per host (singleton); disposing it writes what is queued and stops.
public sealed class SubmissionWriter : IAsyncDisposable
{
    public const int DefaultMaxBatch = 500;

    private readonly Channel<Queued> _queue = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<SuifangDbContext> _newContext;
    private readonly QuestionnaireVersionCache _cache;
    private readonly Action? _stored;
    private readonly ILogger _log;
    private readonly int _maxBatch;
    private readonly Task _loop;

    public SubmissionWriter(Func<SuifangDbContext> newContext, QuestionnaireVersionCache? cache = null, ILogger<SubmissionWriter>? log = null,
        int maxBatch = DefaultMaxBatch, Action? stored = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _newContext = newContext;
        _cache = cache ?? new QuestionnaireVersionCache();
        _stored = stored;
        _log = log ?? NullLogger<SubmissionWriter>.Instance;
        _maxBatch = maxBatch;
        _loop = Task.Run(RunAsync);
    }

    /// Batches written so far (committed or failed), for the benchmark's figures.
    public long Batches => Interlocked.Read(ref _batches);

    private long _batches;
    private long _lastActivity;

    /// Environment.TickCount64 of the last submission queued (0: none yet).
    public long LastActivity => Interlocked.Read(ref _lastActivity);

    /// Queues the submission and completes once its batch is committed (or failed). Cancelling stops the waiting, not
    /// the write: a queued submission is written all the same. A token that cannot be a link's is answered at once.
    public Task<SubmitResult> SubmitAsync(Submission submission, CancellationToken ct)
    {
        if (submission.TokenHash is null)
            return Task.FromResult(SubmitResult.Unknown);
        Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
        var queued = new Queued(submission, new TaskCompletionSource<SubmitResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(queued) ? queued.Done.Task.WaitAsync(ct) : Task.FromResult(SubmitResult.Failed());
    }

    private async Task RunAsync()
    {
        var batch = new List<Queued>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
                batch.Add(next);
            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Queued> batch)
    {
        Interlocked.Increment(ref _batches);
        try
        {
            await CommitAsync(batch);
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            _log.LogWarning(e, "A batch of {Count} questionnaire submissions failed and was rolled back; writing each alone", batch.Count);
        }
        catch (Exception e)
        {
            Fail(batch[0], e);
            return;
        }
        // One bad submission must not fail the others: write each alone. Two failures in a row mean the database itself
        // is failing, so the rest are answered at once instead of each waiting for its own failure.
        var failedInRow = 0;
        foreach (var q in batch)
        {
            if (failedInRow >= 2)
            {
                q.Done.TrySetResult(SubmitResult.Failed());
                continue;
            }
            try
            {
                await CommitAsync([q]);
                failedInRow = 0;
            }
            catch (Exception e)
            {
                Fail(q, e);
                failedInRow++;
            }
        }
    }

    private async Task CommitAsync(List<Queued> batch)
    {
        SubmitResult[] results;
        await using (var db = _newContext())
            results = await SubmissionBatch.SaveAsync(db, _cache, batch.Select(q => q.Submission).ToList(), CancellationToken.None);
        if (_stored is not null && results.Any(r => r.Status == SubmitStatus.Accepted))
            _stored();
        for (var i = 0; i < batch.Count; i++)
            batch[i].Done.TrySetResult(results[i]);
    }

    private void Fail(Queued q, Exception e)
    {
        _log.LogError(e, "A questionnaire submission was not stored; the patient was asked to submit again");
        q.Done.TrySetResult(SubmitResult.Failed());
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record Queued(Submission Submission, TaskCompletionSource<SubmitResult> Done);
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Todos;
using Suifang.Core.Tasks.Engine;

namespace Suifang.Core.Questionnaires.Links;

/// Writes prepared submissions in ONE transaction and says for each what became of it. The first submission of a link
/// in the batch claims the link (SubmittedAt set only where it is still null, so a submission committed earlier — by
/// an earlier batch, another node, or before a crash — wins and this one is "already submitted"); later ones of the
/// same link in the batch are "already submitted" too. The unique response per link backs this up in the database.
/// Nothing is acknowledged before the commit: if anything fails, the transaction rolls back and the caller fails the
/// whole batch, leaving every link of it open.
public static class SubmissionBatch
{
    public static async Task<SubmitResult[]> SaveAsync(SuifangDbContext db, IReadOnlyList<PendingSubmission> items, CancellationToken ct)
    {
        try
        {
            return await SaveAsync(db, items, oneByOne: false, ct);
        }
        catch (ClaimRaceException)
        {
            // Another writer submitted one of these links between our read and our update: claim each alone to learn which.
            db.ChangeTracker.Clear();
            return await SaveAsync(db, items, oneByOne: true, ct);
        }
    }

    private static async Task<SubmitResult[]> SaveAsync(SuifangDbContext db, IReadOnlyList<PendingSubmission> items, bool oneByOne, CancellationToken ct)
    {
        var first = new Dictionary<long, int>(); // link → index of its first submission in the batch
        for (var i = 0; i < items.Count; i++)
            first.TryAdd(items[i].Link.Id, i);
        var now = items.Max(p => p.Now);
        var responses = new Dictionary<long, (QuestionnaireResponse Response, ScoreResult? Score)>();

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var won = oneByOne ? await ClaimEachAsync(db, first.Keys, now, ct) : await ClaimAllAsync(db, first.Keys, now, ct);
            foreach (var (linkId, index) in first)
            {
                if (!won.Contains(linkId))
                    continue;
                var item = items[index];
                var response = Response(item);
                responses[linkId] = (response, item.Score);
                db.QuestionnaireResponses.Add(response);
                db.FollowUpResults.AddRange(item.Outcome.Results);
                // The same finding may already be open from the phone reminder that ran meanwhile: one to-do, not two.
                db.Todos.AddRange(await TodoDuplicates.WithoutOpenAsync(db, item.Outcome.Todos, ct));
            }
            if (responses.Count > 0)
                await db.SaveChangesAsync(ct);
            foreach (var linkId in responses.Keys)
            {
                var item = items[first[linkId]];
                // Waiting: the answer completes the task. Answered late (the fallback was created): the step is done all
                // the same and every pending reminder and fallback is cancelled (issue #3).
                if (item.Link.TaskId is { } taskId && !await TaskMaintenance.AnswerAsync(db, taskId, item.Outcome.Summary, item.Now, ct))
                    await LateAnswers.ApplyAsync(db, taskId, item.Outcome.Summary, item.Now, ct);
            }
            await tx.CommitAsync(ct);
        }

        var earlier = await AlreadyAsync(db, first.Keys.Where(id => !responses.ContainsKey(id)).ToList(), ct);
        var results = new SubmitResult[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var linkId = items[i].Link.Id;
            results[i] = !responses.TryGetValue(linkId, out var mine) ? earlier[linkId]
                : first[linkId] == i ? new SubmitResult(SubmitStatus.Accepted, mine.Response.Id, mine.Score)
                : new SubmitResult(SubmitStatus.AlreadySubmitted, mine.Response.Id, mine.Score);
        }
        return results;
    }

    /// One statement for the whole batch: read which links are still open, then set SubmittedAt where it is still null.
    /// If the update touched fewer rows than were open, another writer came in between — and we cannot tell which link.
    private static async Task<HashSet<long>> ClaimAllAsync(SuifangDbContext db, ICollection<long> linkIds, DateTime now, CancellationToken ct)
    {
        var ids = linkIds.ToList();
        var open = await db.QuestionnaireLinks.Where(l => ids.Contains(l.Id) && l.SubmittedAt == null).Select(l => l.Id).ToListAsync(ct);
        if (open.Count == 0)
            return [];
        var claimed = await db.QuestionnaireLinks.Where(l => open.Contains(l.Id) && l.SubmittedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.SubmittedAt, now), ct);
        return claimed == open.Count ? open.ToHashSet() : throw new ClaimRaceException();
    }

    private static async Task<HashSet<long>> ClaimEachAsync(SuifangDbContext db, ICollection<long> linkIds, DateTime now, CancellationToken ct)
    {
        var won = new HashSet<long>();
        foreach (var id in linkIds)
        {
            if (await db.QuestionnaireLinks.Where(l => l.Id == id && l.SubmittedAt == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.SubmittedAt, now), ct) == 1)
                won.Add(id);
        }
        return won;
    }

    private static QuestionnaireResponse Response(PendingSubmission item) => new()
    {
        LinkId = item.Link.Id, HospitalId = item.Link.HospitalId, DepartmentId = item.Link.DepartmentId, PatientId = item.Link.PatientId,
        QuestionnaireId = item.Link.QuestionnaireId, VersionId = item.Link.VersionId, AnswersJson = QuestionnaireJson.WriteAnswers(item.Answers),
        Score = item.Score?.Score, Band = item.Score?.Label, Risk = item.Score?.Risk ?? RiskLevel.None, Period = item.Link.Period, SubmittedAt = item.Now,
    };

    /// The stored response of each link submitted before (one query), as the "already submitted" answer.
    public static async Task<Dictionary<long, SubmitResult>> AlreadyAsync(SuifangDbContext db, IReadOnlyCollection<long> linkIds, CancellationToken ct)
    {
        if (linkIds.Count == 0)
            return [];
        var ids = linkIds.ToList();
        var stored = await db.QuestionnaireResponses.AsNoTracking().Where(r => ids.Contains(r.LinkId))
            .Select(r => new { r.LinkId, r.Id, r.Score, r.Band, r.Risk }).ToDictionaryAsync(r => r.LinkId, ct);
        return ids.ToDictionary(id => id, id => stored.TryGetValue(id, out var r)
            ? new SubmitResult(SubmitStatus.AlreadySubmitted, r.Id,
                r.Score is { } s ? new ScoreResult(s, r.Band is null ? null : new ScoreBand { Label = r.Band, Level = r.Risk }) : null)
            : new SubmitResult(SubmitStatus.AlreadySubmitted));
    }

    private sealed class ClaimRaceException : Exception;
}

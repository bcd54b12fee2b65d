using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Questionnaires.Links;

/// Stage 1 of a submission, for a whole batch: ONE query reads the links of all its tokens, each submission is decided
/// in memory (unknown, expired, already submitted, invalid with its Chinese problems; the version's content from the
/// cache and the score computed here), then ONE transaction claims the open links (SubmittedAt set only where it is
/// still null, so a submission committed earlier — by an earlier batch, another node, or before a crash — wins and this
/// one is "already submitted") and inserts their responses, marked not yet processed (ProcessedAt null). Later taps of
/// the same link in the batch are "already submitted" with the first one's response. The unique response per link backs
/// this up in the database. Nothing is acknowledged before the commit: if anything fails, the transaction rolls back and
/// the caller fails the batch, leaving every link of it open. The results, to-dos and task completion are the
/// ResponseProcessor's (stage 2), which the patient does not wait for.
public static class SubmissionBatch
{
    public static async Task<SubmitResult[]> SaveAsync(SuifangDbContext db, QuestionnaireVersionCache cache, IReadOnlyList<Submission> items,
        CancellationToken ct)
    {
        var results = new SubmitResult?[items.Count];
        var hashes = items.Select(i => i.TokenHash).OfType<string>().Distinct().ToList();
        // Only the columns stage 1 needs (not the progress kept so far).
        var links = hashes.Count == 0 ? []
            : await db.QuestionnaireLinks.AsNoTracking().Where(l => hashes.Contains(l.TokenHash))
                .Select(l => new QuestionnaireLink
                {
                    Id = l.Id, TokenHash = l.TokenHash, HospitalId = l.HospitalId, DepartmentId = l.DepartmentId, PatientId = l.PatientId,
                    QuestionnaireId = l.QuestionnaireId, VersionId = l.VersionId, Period = l.Period, ExpiresAt = l.ExpiresAt, SubmittedAt = l.SubmittedAt,
                })
                .ToDictionaryAsync(l => l.TokenHash, ct);
        var linkOf = new long[items.Count];
        var accepted = new Dictionary<long, (int First, QuestionnaireResponse Response, ScoreResult? Score)>();
        var earlier = new HashSet<long>(); // links submitted before this batch
        var critical = new HashSet<long>(); // accepted links with a critical answer (in memory: nothing read for it)
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.TokenHash is null || !links.TryGetValue(item.TokenHash, out var link))
            {
                results[i] = SubmitResult.Unknown;
                continue;
            }
            linkOf[i] = link.Id;
            if (link.SubmittedAt is not null)
            {
                earlier.Add(link.Id);
                continue;
            }
            if (accepted.ContainsKey(link.Id))
                continue; // a second tap in the same batch: the first one's response
            if (link.ExpiresAt <= item.Now)
            {
                results[i] = new SubmitResult(SubmitStatus.Expired);
                continue;
            }
            if (await cache.VersionAsync(db, link.VersionId, ct) is not { } version)
            {
                results[i] = SubmitResult.Unknown;
                continue;
            }
            var check = QuestionnaireAnswers.Check(version.Content, item.Answers, final: true);
            if (!check.Ok)
            {
                results[i] = new SubmitResult(SubmitStatus.Invalid, Problems: check.Problems);
                continue;
            }
            var score = QuestionnaireScoring.Score(version.Content, check.Answers);
            accepted[link.Id] = (i, Response(link, check.Answers, score, item.Now), score);
            if (ResponseOutcome.HasCriticalAnswer(link, version, version.Content, check.Answers, score))
                critical.Add(link.Id);
        }

        if (accepted.Count > 0)
        {
            HashSet<long> won;
            try
            {
                won = await WriteAsync(db, accepted, oneByOne: false, ct);
            }
            catch (ClaimRaceException)
            {
                // Another writer submitted one of these links between our read and our update: claim each alone to learn which.
                db.ChangeTracker.Clear();
                won = await WriteAsync(db, accepted, oneByOne: true, ct);
            }
            foreach (var lost in accepted.Keys.Where(id => !won.Contains(id)).ToList())
            {
                accepted.Remove(lost);
                earlier.Add(lost);
            }
        }

        var before = await AlreadyAsync(db, earlier, ct);
        for (var i = 0; i < items.Count; i++)
        {
            if (results[i] is not null)
                continue;
            var linkId = linkOf[i];
            results[i] = accepted.TryGetValue(linkId, out var mine)
                ? new SubmitResult(mine.First == i ? SubmitStatus.Accepted : SubmitStatus.AlreadySubmitted, mine.Response.Id, mine.Score,
                    Critical: critical.Contains(linkId))
                : before[linkId];
        }
        return results!;
    }

    /// The claim and the lean insert of the responses in one transaction; returns the links this batch won.
    private static async Task<HashSet<long>> WriteAsync(SuifangDbContext db, Dictionary<long, (int First, QuestionnaireResponse Response, ScoreResult? Score)> accepted,
        bool oneByOne, CancellationToken ct)
    {
        var now = accepted.Values.Max(a => a.Response.SubmittedAt);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var won = oneByOne ? await ClaimEachAsync(db, accepted.Keys, now, ct) : await ClaimAllAsync(db, accepted.Keys, now, ct);
        if (won.Count > 0)
        {
            // Untracked, keys taken up front (the claim above holds the write lock): EF's per-entity insert pipeline
            // cost more than the database's own work here.
            var rows = won.Select(id => accepted[id].Response).ToList();
            var keys = await BulkAppend.NextKeysAsync<QuestionnaireResponse>(db, rows.Count, ct);
            for (var i = 0; i < rows.Count; i++)
                rows[i].Id = keys[i];
            await BulkAppend.InsertUntrackedAsync(db, rows, ct);
        }
        await tx.CommitAsync(ct);
        return won;
    }

    /// One statement for the whole batch: set SubmittedAt where it is still null. The links were read open just before;
    /// if the update touched fewer rows, another writer came in between — and we cannot tell which link.
    private static async Task<HashSet<long>> ClaimAllAsync(SuifangDbContext db, ICollection<long> linkIds, DateTime now, CancellationToken ct)
    {
        var ids = linkIds.ToList();
        var claimed = await db.QuestionnaireLinks.Where(l => ids.Contains(l.Id) && l.SubmittedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.SubmittedAt, now), ct);
        return claimed == ids.Count ? ids.ToHashSet() : throw new ClaimRaceException();
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

    private static QuestionnaireResponse Response(QuestionnaireLink link, Dictionary<string, string> answers, ScoreResult? score, DateTime now) => new()
    {
        LinkId = link.Id, HospitalId = link.HospitalId, DepartmentId = link.DepartmentId, PatientId = link.PatientId,
        QuestionnaireId = link.QuestionnaireId, VersionId = link.VersionId, AnswersJson = QuestionnaireJson.WriteAnswers(answers),
        Score = score?.Score, Band = score?.Label, Risk = score?.Risk ?? RiskLevel.None, Period = link.Period, SubmittedAt = now,
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

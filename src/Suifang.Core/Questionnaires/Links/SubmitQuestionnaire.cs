using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Tasks.Engine;
using Suifang.Core.Todos;

namespace Suifang.Core.Questionnaires.Links;

public enum SubmitStatus
{
    Accepted = 1,
    /// Submitted before (a double tap, a second tab): the first submission stands, nothing is stored twice.
    AlreadySubmitted = 2,
    Expired = 3,
    Unknown = 4,
    /// Answers missing or invalid; Problems says which.
    Invalid = 5,
}

public sealed record SubmitResult(SubmitStatus Status, long? ResponseId = null, ScoreResult? Score = null,
    IReadOnlyList<(string Key, string Problem)>? Problems = null);

/// 提交问卷: the one final submission of a link. In one transaction it marks the link submitted — a conditional update
/// that only one of two concurrent submissions can win — stores the response, the answers as follow-up results, the
/// to-dos of abnormal answers and high-risk scores, and completes the waiting task (TaskMaintenance.AnswerAsync).
public static class SubmitQuestionnaire
{
    public static async Task<SubmitResult> SubmitAsync(SuifangDbContext db, string? token, IReadOnlyDictionary<string, string> answers,
        DateTime now, CancellationToken ct)
    {
        var opened = await QuestionnaireLinks.OpenAsync(db, token, now, ct, markOpened: false);
        switch (opened.State)
        {
            case LinkState.Unknown:
                return new(SubmitStatus.Unknown);
            case LinkState.Expired:
                return new(SubmitStatus.Expired);
            case LinkState.Submitted:
                return await AlreadyAsync(db, opened.Link!.Id, ct);
        }
        var link = opened.Link!;
        var version = opened.Version!;
        var content = version.Content;
        var check = QuestionnaireAnswers.Check(content, answers, final: true);
        if (!check.Ok)
            return new(SubmitStatus.Invalid, Problems: check.Problems);
        var score = QuestionnaireScoring.Score(content, check.Answers);

        var stepTriggers = await StepTriggersAsync(db, link, ct);
        var outcome = ResponseOutcome.Build(link, version, content, check.Answers, score, stepTriggers, now);
        // SQLite has one writer at a time: queue this process's submissions here instead of in SQLite's busy-retry loop.
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
            await SqliteWriters.WaitAsync(ct);
        try
        {
            return await SaveAsync(db, link, check.Answers, score, outcome, now, ct);
        }
        finally
        {
            if (sqlite)
                SqliteWriters.Release();
        }
    }

    private static readonly SemaphoreSlim SqliteWriters = new(1, 1);

    private static async Task<SubmitResult> SaveAsync(SuifangDbContext db, QuestionnaireLink link, Dictionary<string, string> answers, ScoreResult? score,
        ResponseOutcome outcome, DateTime now, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var won = await db.QuestionnaireLinks.Where(l => l.Id == link.Id && l.SubmittedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.SubmittedAt, now), ct);
            if (won == 0)
            {
                await tx.RollbackAsync(ct);
                return await AlreadyAsync(db, link.Id, ct);
            }
            var response = new QuestionnaireResponse
            {
                LinkId = link.Id, HospitalId = link.HospitalId, DepartmentId = link.DepartmentId, PatientId = link.PatientId,
                QuestionnaireId = link.QuestionnaireId, VersionId = link.VersionId, AnswersJson = QuestionnaireJson.WriteAnswers(answers),
                Score = score?.Score, Band = score?.Label, Risk = score?.Risk ?? RiskLevel.None, Period = link.Period, SubmittedAt = now,
            };
            db.QuestionnaireResponses.Add(response);
            db.FollowUpResults.AddRange(outcome.Results);
            // The same finding may already be open from the phone reminder that ran meanwhile: one to-do, not two.
            db.Todos.AddRange(await TodoDuplicates.WithoutOpenAsync(db, outcome.Todos, ct));
            await db.SaveChangesAsync(ct);
            // Waiting: the answer completes the task. Answered late (the fallback was created): the step is done all
            // the same and every pending reminder and fallback is cancelled (issue #3).
            if (link.TaskId is { } taskId && !await TaskMaintenance.AnswerAsync(db, taskId, outcome.Summary, now, ct))
                await LateAnswers.ApplyAsync(db, taskId, outcome.Summary, now, ct);
            await tx.CommitAsync(ct);
            return new SubmitResult(SubmitStatus.Accepted, response.Id, score);
        });
    }

    private static async Task<SubmitResult> AlreadyAsync(SuifangDbContext db, long linkId, CancellationToken ct)
    {
        var existing = await db.QuestionnaireResponses.AsNoTracking().Where(r => r.LinkId == linkId)
            .Select(r => new { r.Id, r.Score, r.Band, r.Risk }).FirstOrDefaultAsync(ct);
        var score = existing?.Score is { } s ? new ScoreResult(s, existing.Band is null ? null : new ScoreBand { Label = existing.Band, Level = existing.Risk }) : null;
        return new(SubmitStatus.AlreadySubmitted, existing?.Id, score);
    }

    private static async Task<IReadOnlyList<Pathways.TriggerRule>> StepTriggersAsync(SuifangDbContext db, QuestionnaireLink link, CancellationToken ct)
    {
        if (link.PlanStepId is not { } stepId)
            return [];
        var step = await db.PlanSteps.AsNoTracking().Include(s => s.Node).FirstOrDefaultAsync(s => s.Id == stepId, ct);
        return step?.Content.Triggers ?? [];
    }
}

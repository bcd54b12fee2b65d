using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

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
    /// Not stored: the write failed (database unreachable, shutting down). Nothing of it was kept; the link is still
    /// open, so submitting again works. Problems holds the Chinese message under the key "".
    Failed = 6,
}

public sealed record SubmitResult(SubmitStatus Status, long? ResponseId = null, ScoreResult? Score = null,
    IReadOnlyList<(string Key, string Problem)>? Problems = null)
{
    public const string FailedMessage = "提交没有成功：系统暂时没能保存您的答案。答案还在本页上，请稍等片刻后再点一次“提交”。";

    public static SubmitResult Failed() => new(SubmitStatus.Failed, Problems: [("", FailedMessage)]);
}

/// A checked submission waiting to be written: the link as read, the kept answers, the score and what it leaves behind.
public sealed record PendingSubmission(QuestionnaireLink Link, Dictionary<string, string> Answers, ScoreResult? Score,
    ResponseOutcome Outcome, DateTime Now)
{
    /// Before writing again after a rolled-back attempt: the keys that attempt gave the new rows are not theirs.
    public void ForgetKeys()
    {
        foreach (var r in Outcome.Results)
            r.Id = 0;
        foreach (var t in Outcome.Todos)
            t.Id = 0;
    }
}

/// Either the answer already (unknown, expired, invalid, already submitted) or a submission to write.
public sealed record PreparedSubmission(SubmitResult? Answer, PendingSubmission? Pending);

/// 提交问卷: the one final submission of a link. PrepareAsync reads the link (one query by its token hash when a
/// QuestionnaireVersionCache is given), checks and scores the answers; SubmissionBatch writes one or many prepared
/// submissions in one transaction — the link's conditional update that only one of two concurrent submissions can
/// win, the response, the answers as follow-up results, the to-dos of abnormal answers and high-risk scores, and the
/// waiting task's completion (TaskMaintenance.AnswerAsync). The patient page hands prepared submissions to the host's
/// SubmissionWriter, which commits them in batches and answers each after its commit; nothing else writes submissions.
public static class SubmitQuestionnaire
{
    public static async Task<PreparedSubmission> PrepareAsync(SuifangDbContext db, string? token, IReadOnlyDictionary<string, string> answers,
        DateTime now, CancellationToken ct, QuestionnaireVersionCache? cache = null)
    {
        var opened = await QuestionnaireLinks.OpenAsync(db, token, now, ct, markOpened: false, cache);
        switch (opened.State)
        {
            case LinkState.Unknown:
                return new(new SubmitResult(SubmitStatus.Unknown), null);
            case LinkState.Expired:
                return new(new SubmitResult(SubmitStatus.Expired), null);
            case LinkState.Submitted:
                return new((await SubmissionBatch.AlreadyAsync(db, [opened.Link!.Id], ct))[opened.Link.Id], null);
        }
        var link = opened.Link!;
        var version = opened.Version!;
        var content = version.Content;
        var check = QuestionnaireAnswers.Check(content, answers, final: true);
        if (!check.Ok)
            return new(new SubmitResult(SubmitStatus.Invalid, Problems: check.Problems), null);
        var score = QuestionnaireScoring.Score(content, check.Answers);
        var stepTriggers = await StepTriggersAsync(db, link, ct);
        var outcome = ResponseOutcome.Build(link, version, content, check.Answers, score, stepTriggers, now);
        return new(null, new PendingSubmission(link, check.Answers, score, outcome, now));
    }

    private static async Task<IReadOnlyList<Pathways.TriggerRule>> StepTriggersAsync(SuifangDbContext db, QuestionnaireLink link, CancellationToken ct)
    {
        if (link.PlanStepId is not { } stepId)
            return [];
        var step = await db.PlanSteps.AsNoTracking().Include(s => s.Node).FirstOrDefaultAsync(s => s.Id == stepId, ct);
        return step?.Content.Triggers ?? [];
    }
}

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

/// Critical: an answer the questionnaire's alerts mark critical (ResponseOutcome.HasCriticalAnswer), decided in stage 1 for
/// the submission this batch accepted; the patient's thank-you page then adds its safety message.
public sealed record SubmitResult(SubmitStatus Status, long? ResponseId = null, ScoreResult? Score = null,
    IReadOnlyList<(string Key, string Problem)>? Problems = null, bool Critical = false)
{
    public const string FailedMessage = "提交没有成功：系统暂时没能保存您的答案。答案还在本页上，请稍等片刻后再点一次“提交”。";

    public static SubmitResult Failed() => new(SubmitStatus.Failed, Problems: [("", FailedMessage)]);

    public static readonly SubmitResult Unknown = new(SubmitStatus.Unknown);
}

/// 提交问卷: one press of "submit" — the token as the patient's page has it, the answers, and the moment.
///
/// A submission is handled in two stages (issue #5: 1,000 patients may press "submit" at once). Stage 1 is what the
/// patient waits for: the host's SubmissionWriter takes every queued submission and SubmissionBatch reads their links in
/// one query, decides each (unknown, expired, already submitted, invalid answers with their Chinese problems — the
/// version's content comes from the QuestionnaireVersionCache and the score is computed in memory), claims the open
/// links and inserts their responses ("not yet processed") in one transaction; each request is answered after that
/// commit. Stage 2 is what the patient does not wait for: ResponseProcessor turns each unprocessed response into
/// follow-up results, to-dos (and so alerts) and the waiting task's completion, exactly once, in batches.
public sealed record Submission(string? Token, IReadOnlyDictionary<string, string> Answers, DateTime Now)
{
    /// The token's hash, or null when the token cannot be a link's (cut short, tampered with): answered "unknown" at once.
    public string? TokenHash { get; } = LinkTokens.LooksValid(Token) ? LinkTokens.Hash(Token!) : null;
}

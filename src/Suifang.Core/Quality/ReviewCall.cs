using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Quality;

/// A reviewer's verdict on one understood answer: the result id (or question key) and whether it was right.
public sealed record AnswerVerdict(string QuestionKey, bool Correct, string? CorrectValue);

public sealed record FindingDecision(long FindingId, FindingVerdict Verdict);

public sealed record ReviewInput(IReadOnlyList<AnswerVerdict> Answers, IReadOnlyList<FindingDecision> Findings, string? Note);

public enum ReviewOutcome
{
    Saved,
    NotFound,
    Forbidden,
    Invalid,
}

public sealed record ReviewResult(ReviewOutcome Outcome, string? Message = null);

/// 人工复核 (7.2.5.2): saves a reviewer's marks on a sampled call — each understood answer right or wrong (with the right
/// value), each automatic finding confirmed or dismissed — and audits it. Saving again replaces the earlier marks.
public static class ReviewCall
{
    public static readonly IReadOnlyList<string> Reviewers = [Roles.Admin, Roles.Doctor, Roles.Nurse, Roles.Supervisor];

    public static bool MayReview(StaffScope scope) => Reviewers.Any(scope.Roles.Contains);

    public static async Task<ReviewResult> SaveAsync(SuifangDbContext db, StaffScope scope, long sampleId, ReviewInput input, DateTime now, CancellationToken ct)
    {
        if (!MayReview(scope))
            return new(ReviewOutcome.Forbidden, "您的角色不能复核通话：需要医生、护士、监管或管理员角色。");
        var sample = await db.QualitySamples.Include(s => s.Findings).Include(s => s.Answers)
            .SingleOrDefaultAsync(s => s.Id == sampleId && s.HospitalId == scope.HospitalId, ct);
        if (sample is null)
            return new(ReviewOutcome.NotFound, $"没有找到编号为 {sampleId} 的抽检通话，可能已被删除。请返回待复核列表刷新后重试。");
        if (!scope.CanSeeDepartment(sample.DepartmentId))
            return new(ReviewOutcome.Forbidden, "这通电话不属于您负责的科室，不能复核。如需复核，请联系该科室或管理员。");
        var results = await db.FollowUpResults.AsNoTracking().Where(r => r.CallId == sample.CallId).ToListAsync(ct);
        foreach (var verdict in input.Answers)
        {
            var result = results.FirstOrDefault(r => r.QuestionKey == verdict.QuestionKey);
            if (result is null)
                return new(ReviewOutcome.Invalid, $"这通电话没有“{verdict.QuestionKey}”的回答，请刷新页面后重新复核。");
            if (!verdict.Correct && string.IsNullOrWhiteSpace(verdict.CorrectValue))
                return new(ReviewOutcome.Invalid, $"标为“理解错误”的回答（{verdict.QuestionKey}）请填写正确的值，以便统计和改进。");
            var review = sample.Answers.FirstOrDefault(a => a.QuestionKey == verdict.QuestionKey);
            if (review is null)
                sample.Answers.Add(review = new AnswerReview { QuestionKey = verdict.QuestionKey });
            review.ResultId = result.Id;
            review.Understood = result.Value;
            review.Correct = verdict.Correct;
            review.CorrectValue = verdict.Correct ? null : verdict.CorrectValue!.Trim();
            review.ReviewedAt = now;
            review.ReviewedBy = scope.UserName;
        }
        foreach (var decision in input.Findings)
        {
            var finding = sample.Findings.FirstOrDefault(f => f.Id == decision.FindingId);
            if (finding is null)
                return new(ReviewOutcome.Invalid, "复核的检查项不属于这通电话，请刷新页面后重新复核。");
            finding.Verdict = decision.Verdict;
        }
        sample.Review = ReviewState.Reviewed;
        sample.ReviewedAt = now;
        sample.ReviewedBy = scope.UserName;
        sample.ReviewNote = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim()[..Math.Min(500, input.Note.Trim().Length)];
        db.Actor = scope.Actor;
        var wrong = input.Answers.Count(a => !a.Correct);
        db.AuditEvent("quality.review", "Call", sample.CallId.ToString(),
            $"复核通话 {sample.CallId}：回答 {input.Answers.Count} 项（错误 {wrong} 项），检查项 {input.Findings.Count} 项");
        await db.SaveChangesAsync(ct);
        return new(ReviewOutcome.Saved);
    }
}

using Suifang.Core.Data;
using Suifang.Core.Questionnaires.Links;

namespace Suifang.Core.Tests.Questionnaires;

/// A submission the way the patient page makes it: the host's SubmissionWriter reads, checks and stores it in a group
/// commit and answers after the commit (stage 1); then the test drains the ResponseProcessor (stage 2: results, to-dos,
/// the task's completion) instead of waiting for the host's service, so what the test reads next is there.
internal static class PageSubmission
{
    public static async Task<SubmitResult> SubmitAsync(Func<SuifangDbContext> newContext, string token, IReadOnlyDictionary<string, string> answers,
        DateTime now, SubmissionWriter? writer = null)
    {
        SubmitResult result;
        if (writer is not null)
            result = await writer.SubmitAsync(new Submission(token, answers, now), CancellationToken.None);
        else
        {
            await using var own = new SubmissionWriter(newContext);
            result = await own.SubmitAsync(new Submission(token, answers, now), CancellationToken.None);
        }
        await Processor(newContext, now).DrainAsync();
        return result;
    }

    public static ResponseProcessor Processor(Func<SuifangDbContext> newContext, DateTime now) =>
        new(newContext, new QuestionnaireVersionCache(), () => now);
}

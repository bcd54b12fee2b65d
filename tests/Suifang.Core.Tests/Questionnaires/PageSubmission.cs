using Suifang.Core.Data;
using Suifang.Core.Questionnaires.Links;

namespace Suifang.Core.Tests.Questionnaires;

/// A submission the way the patient page makes it: the request prepares it with its own context (read the link, check,
/// score), then the host's SubmissionWriter writes it in a group commit and answers after the commit.
internal static class PageSubmission
{
    public static async Task<SubmitResult> SubmitAsync(Func<SuifangDbContext> newContext, string token, IReadOnlyDictionary<string, string> answers,
        DateTime now, SubmissionWriter? writer = null)
    {
        PreparedSubmission prepared;
        await using (var db = newContext())
            prepared = await SubmitQuestionnaire.PrepareAsync(db, token, answers, now, CancellationToken.None);
        if (prepared.Answer is { } answer)
            return answer;
        if (writer is not null)
            return await writer.SubmitAsync(prepared.Pending!, CancellationToken.None);
        await using var own = new SubmissionWriter(newContext);
        return await own.SubmitAsync(prepared.Pending!, CancellationToken.None);
    }
}

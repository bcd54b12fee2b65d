using Microsoft.AspNetCore.Http.HttpResults;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires.Editing;
using Suifang.Web.Accounts;
using Suifang.Web.Questionnaires.Patient;

namespace Suifang.Web.Questionnaires;

/// /questionnaires/{id}/preview: the draft as the patient will see it (the designer shows it in a phone-sized frame).
internal static class QuestionnairePreviewEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/questionnaires/{id:int}/preview", PreviewAsync).RequireAuthorization(p => p.RequireRole(QuestionnaireRoles.ReaderList)).ExcludeFromDescription();

    private static async Task<Results<RazorComponentResult<PatientQuestionnairePage>, NotFound>> PreviewAsync(int id, SuifangDbContext db, HttpContext http,
        HospitalClock clock, CancellationToken ct)
    {
        var staff = StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());
        var q = await new QuestionnaireEditor(db, staff, clock.Now).FindAsync(id, ct);
        if (q is null)
            return TypedResults.NotFound();
        return new RazorComponentResult<PatientQuestionnairePage>(new Dictionary<string, object?>
        {
            [nameof(PatientQuestionnairePage.Model)] = PatientPageModel.ForPreview(q.Title, q.Draft),
        });
    }
}

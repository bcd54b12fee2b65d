using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Editing;
using Suifang.Core.Questionnaires.Links;
using Suifang.Core.Sms;
using Suifang.Web.Accounts;

namespace Suifang.Web.Questionnaires;

/// /api/questionnaires: the list (search), fill rates and answer summaries, and sending one to a patient.
internal static class QuestionnairesApi
{
    public sealed record SendRequest(long PatientId);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:int}/summary", SummaryAsync);
        api.MapPost("/{id:int}/send", SendAsync).RequireAuthorization(p => p.RequireRole(QuestionnaireRoles.WriterList));
    }

    private static async Task<Ok<List<QuestionnaireRow>>> ListAsync(string? search, SuifangDbContext db, HttpContext http, HospitalClock clock, CancellationToken ct) =>
        TypedResults.Ok(await new QuestionnaireEditor(db, Scope(http), clock.Now).ListAsync(search, ct));

    private static async Task<Results<Ok<QuestionnaireSummary>, NotFound>> SummaryAsync(int id, SuifangDbContext db, HttpContext http, HospitalClock clock,
        CancellationToken ct)
    {
        var staff = Scope(http);
        if (await new QuestionnaireEditor(db, staff, clock.Now).FindAsync(id, ct) is null)
            return TypedResults.NotFound();
        return TypedResults.Ok(await QuestionnaireStats.SummarizeAsync(db, staff, id, ct));
    }

    private static async Task<Results<Ok<SendOutcome>, BadRequest<SendOutcome>>> SendAsync(int id, SendRequest request, SuifangDbContext db,
        HttpContext http, HospitalClock clock, IOptions<QuestionnaireOptions> options, IServiceProvider services, CancellationToken ct)
    {
        var result = await PatientQuestionnaires.SendAsync(db, services.GetService<ISmsOutbox>(), Scope(http), id, request.PatientId, options.Value, clock.Now, ct);
        return result.Ok ? TypedResults.Ok(result) : TypedResults.BadRequest(result);
    }

    private static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());
}

internal static class QuestionnaireRoles
{
    public const string Readers = $"{Roles.Admin},{Roles.Doctor},{Roles.Nurse},{Roles.Supervisor}";
    public const string Writers = $"{Roles.Admin},{Roles.Doctor},{Roles.Nurse}";
    public static readonly string[] WriterList = [Roles.Admin, Roles.Doctor, Roles.Nurse];
    public static readonly string[] ReaderList = [Roles.Admin, Roles.Doctor, Roles.Nurse, Roles.Supervisor];
}

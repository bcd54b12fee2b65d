using Microsoft.AspNetCore.Authorization;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Knowledge;
using Suifang.Web.Accounts;
using Suifang.Web.Patients;

namespace Suifang.Web.Knowledge;

public sealed record RetireInput(bool Retired);

/// /api/knowledge: list, add, change, retire entries (same rules and scope as the page), and ask the way the agent asks.
internal static class KnowledgeApi
{
    public static void Map(RouteGroupBuilder group)
    {
        var staff = new AuthorizeAttribute { Roles = PatientRoles.Staff };

        group.MapGet("/", async (int? departmentId, string? q, bool? due, bool? includeRetired, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                TypedResults.Ok(await KnowledgeQuery.ListAsync(db, Scope(http), new KnowledgeFilter(departmentId, q, due ?? false, includeRetired ?? false), DateOnly.FromDateTime(clock.Now), ct)))
            .RequireAuthorization(staff).WithSummary("知识库条目；departmentId=0 为全院通用，due=true 只看到期需复核的");

        group.MapPost("/", async (KnowledgeInput input, HttpContext http, SuifangDbContext db, HospitalClock clock, KnowledgeBase kb, CancellationToken ct) =>
                await AnswerAsync(await KnowledgeEditor.CreateAsync(db, Scope(http), input, clock.Now, ct), "知识库条目没有保存", kb, ct))
            .RequireAuthorization(staff).WithSummary("新增条目（variants 每行一种问法）");

        group.MapPut("/{id:int}", async (int id, KnowledgeInput input, HttpContext http, SuifangDbContext db, HospitalClock clock, KnowledgeBase kb, CancellationToken ct) =>
                await AnswerAsync(await KnowledgeEditor.UpdateAsync(db, Scope(http), id, input, clock.Now, ct), "知识库条目没有保存", kb, ct))
            .RequireAuthorization(staff).WithSummary("修改条目（revision 为读取时的版本号，防止覆盖别人的修改）");

        group.MapPost("/{id:int}/retire", async (int id, RetireInput input, HttpContext http, SuifangDbContext db, HospitalClock clock, KnowledgeBase kb, CancellationToken ct) =>
                await AnswerAsync(await KnowledgeEditor.SetRetiredAsync(db, Scope(http), id, input.Retired, clock.Now, ct), "条目状态没有修改", kb, ct))
            .RequireAuthorization(staff).WithSummary("停用（retired=true）或恢复条目；停用的条目不再用于回答");

        group.MapGet("/ask", (string q, string? department, KnowledgeBase kb) =>
            {
                var hit = kb.Find(q, department);
                return TypedResults.Ok(new { answered = hit is not null, hit, candidates = kb.Search(q, department, 3).Select(c => new { c.Document.Id, c.Document.Question, c.Coverage }) });
            })
            .RequireAuthorization(staff).WithSummary("像 AI 助手一样提问：匹配度达不到要求时不回答（answered=false），电话里会改为请护士回电");
    }

    private static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());

    private static async Task<IResult> AnswerAsync(KnowledgeOutcome outcome, string title, KnowledgeBase kb, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            await kb.RefreshAsync(force: true, ct);
            return TypedResults.Ok(outcome);
        }
        return outcome switch
        {
            { Forbidden: true } => TypedResults.Problem(title: title, detail: outcome.Error, statusCode: StatusCodes.Status403Forbidden),
            { NotFound: true } => TypedResults.Problem(title: title, detail: outcome.Error, statusCode: StatusCodes.Status404NotFound),
            _ => TypedResults.Problem(title: title, detail: outcome.Error, statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors }),
        };
    }
}

using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.ArchivePathway;
using Suifang.Core.Pathways.CopyPathway;
using Suifang.Core.Pathways.CreatePathway;
using Suifang.Core.Pathways.DeletePathway;
using Suifang.Core.Pathways.Editing;
using Suifang.Core.Pathways.EditPathway;
using Suifang.Core.Pathways.ListPathways;
using Suifang.Core.Pathways.Presets;
using Suifang.Core.Pathways.PublishPathway;
using Suifang.Web.Accounts;

namespace Suifang.Web.Pathways;

/// /api/pathways (5.1.5): the same lists, editor commands and department scope as the pages.
/// Doctors and admins write; nurses and supervisors read.
internal static class PathwaysApi
{
    public static RouteGroupBuilder MapPathwaysApi(this RouteGroupBuilder api)
    {
        var pathways = api.MapGroup("/pathways").WithTags("随访路径").AddEndpointFilter(async (context, next) =>
            PathwayAccess.MayRead(Scope(context.HttpContext))
                ? await next(context)
                : TypedResults.Problem(PathwayAccess.ReadRefused, statusCode: StatusCodes.Status403Forbidden, title: "没有权限"));

        pathways.MapGet("/", async (string? disease, string? name, int? version, int? departmentId, PathwayStatus? status, bool? allVersions,
                HttpContext http, SuifangDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await PathwayList.RunAsync(db, Scope(http), new PathwayFilter(disease, name, version, departmentId, status, allVersions ?? false), ct)))
            .WithSummary("按科室列出随访路径")
            .WithDescription("disease 可填 ICD-10 编码（如 I21.9，找出覆盖它的路径）或病种名称中的字；不指定 version 时每条路径只列最新版本，allVersions=true 列出全部版本。医生和护士只看到本科室的路径。");

        pathways.MapGet("/{id:int}", async (int id, HttpContext http, SuifangDbContext db, CancellationToken ct) =>
            {
                var (access, detail, message) = await PathwayDetails.LoadAsync(db, id, Scope(http), ct);
                return access switch
                {
                    DetailAccess.Ok => Results.Ok(detail),
                    DetailAccess.Forbidden => TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden, title: "没有权限"),
                    _ => TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "没有找到"),
                };
            })
            .WithSummary("一条路径的某个版本（含节点、问题、触发条件和随访方式）");

        pathways.MapGet("/covering", async (string code, HttpContext http, SuifangDbContext db, CancellationToken ct) =>
            {
                var scope = Scope(http);
                var covering = await db.CoveringAsync(scope.HospitalId, code, ct: ct);
                return TypedResults.Ok(covering.Where(p => scope.CanSeeDepartment(p.DepartmentId))
                    .Select(p => new { p.Id, p.Key, p.Name, p.Version, p.DepartmentId, p.DiseaseCodes, p.DiseaseNames }));
            })
            .WithSummary("哪些路径覆盖这个诊断").WithDescription("每条路径取最新的已发布版本，例如 code=I21.9 找到冠脉介入术后随访。");

        pathways.MapPost("/", async (PathwayInput body, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                (await new CreatePathwayHandler(db, () => clock.Now).HandleAsync(body, Scope(http), ct))
                    .ToHttp(r => TypedResults.Created($"/api/pathways/{r.PathwayId}", new { id = r.PathwayId, version = r.Version, url = $"/pathways/{r.PathwayId}" })))
            .WithSummary("新建路径（草稿，版本 1）").WithDescription("医生只能建在自己的科室；保存前检查 ICD-10 编码、节点、问题、触发条件和随访方式，错误逐项用中文说明。");

        pathways.MapPut("/{id:int}", async (int id, PathwayInput body, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                (await new EditPathwayHandler(db, () => clock.Now).HandleAsync(id, body, Scope(http), ct)).ToHttp(PathwayResults.Saved))
            .WithSummary("修改路径（已被计划使用的版本会生成新版本）")
            .WithDescription("草稿和未被使用的版本原地修改；已被随访计划使用的版本保持不变，修改保存为下一个版本（草稿），返回 createdNewVersion=true 和新版本的 id。带上读取时的 revision 可防止覆盖别人的修改。");

        pathways.MapPost("/{id:int}/publish", async (int id, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                (await new PublishPathwayHandler(db, () => clock.Now).HandleAsync(id, Scope(http), ct)).ToHttp(PathwayResults.Saved))
            .WithSummary("发布：之后新建的随访计划使用这个版本");

        pathways.MapPost("/{id:int}/archive", async (int id, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                (await new ArchivePathwayHandler(db, () => clock.Now).HandleAsync(id, Scope(http), ct)).ToHttp(PathwayResults.Saved))
            .WithSummary("归档：不再用于新的计划，已有计划照常进行");

        pathways.MapPost("/{id:int}/copy", async (int id, int? departmentId, HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
                (await new CopyPathwayHandler(db, () => clock.Now).HandleAsync(id, departmentId, Scope(http), ct))
                    .ToHttp(r => TypedResults.Created($"/api/pathways/{r.PathwayId}", new { id = r.PathwayId, version = r.Version, url = $"/pathways/{r.PathwayId}" })))
            .WithSummary("复制为新路径（草稿）");

        pathways.MapDelete("/{id:int}", async (int id, HttpContext http, SuifangDbContext db, CancellationToken ct) =>
                (await new DeletePathwayHandler(db).HandleAsync(id, Scope(http), ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("删除路径版本").WithDescription("被随访计划使用过的版本和系统预设不能删除（返回 409 和原因），请改用归档。");

        pathways.MapPost("/presets", async (HttpContext http, SuifangDbContext db, HospitalClock clock, CancellationToken ct) =>
            {
                var scope = Scope(http);
                if (!scope.IsAdmin)
                    return Results.Problem("只有管理员可以补充预设路径。", statusCode: StatusCodes.Status403Forbidden, title: "没有权限");
                var added = await new PresetLoader(db, () => clock.Now).EnsureAsync(scope.HospitalId, ct);
                return Results.Ok(new { added });
            })
            .WithSummary("补充预设路径（管理员）").WithDescription("把本院还没有的预设路径加进来；已有的（包括改过的）不会被覆盖。");
        return api;
    }

    private static StaffScope Scope(HttpContext http) => StaffScopes.From(http.User, http.Connection.RemoteIpAddress?.ToString());
}

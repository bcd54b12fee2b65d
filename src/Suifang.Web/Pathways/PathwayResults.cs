using Suifang.Core.Pathways.Editing;

namespace Suifang.Web.Pathways;

/// Pathway command outcomes as HTTP answers: 400 lists every field error in Chinese; 403, 404 and 409 say why.
internal static class PathwayResults
{
    public static IResult ToHttp(this PathwayCommandResult r, Func<PathwayCommandResult, IResult> ok) => r.Status switch
    {
        PathwayCommandStatus.Ok => ok(r),
        PathwayCommandStatus.Invalid => TypedResults.ValidationProblem(
            r.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: r.Message, detail: string.Join(" ", r.Errors.Select(e => $"{e.Field}：{e.Message}"))),
        PathwayCommandStatus.Forbidden => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status403Forbidden, title: "没有权限"),
        PathwayCommandStatus.Conflict => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status409Conflict, title: "不能这样修改",
            extensions: new Dictionary<string, object?> { ["pathwayId"] = r.PathwayId, ["pathwayUrl"] = r.PathwayId is { } id ? $"/pathways/{id}" : null }),
        _ => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status404NotFound, title: "没有找到"),
    };

    public static IResult Saved(PathwayCommandResult r) =>
        TypedResults.Ok(new { id = r.PathwayId, version = r.Version, createdNewVersion = r.CreatedNewVersion, message = r.Message, url = $"/pathways/{r.PathwayId}" });
}

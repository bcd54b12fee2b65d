using Suifang.Core.Scripts.Editing;

namespace Suifang.Web.Scripts;

/// Script command outcomes as HTTP answers: 400 lists every problem in Chinese; 403, 404 and 409 say why.
internal static class ScriptResults
{
    public static IResult ToHttp(this ScriptCommandResult r, Func<ScriptCommandResult, IResult> ok) => r.Status switch
    {
        ScriptCommandStatus.Ok => ok(r),
        ScriptCommandStatus.Invalid => TypedResults.ValidationProblem(
            r.Errors.Select(e => (e.Field, e.Message))
                .Concat(r.Problems.Where(p => p.IsError).Select(p => (Field: p.QuestionKey is null ? p.Field : $"{p.Field}（{p.QuestionKey}）", p.Message)))
                .GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: r.Message, detail: string.Join(" ", r.Errors.Select(e => $"{e.Field}：{e.Message}").Concat(r.Problems.Where(p => p.IsError).Select(p => p.Message)))),
        ScriptCommandStatus.Forbidden => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status403Forbidden, title: "没有权限"),
        ScriptCommandStatus.Conflict => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status409Conflict, title: "不能这样修改",
            extensions: new Dictionary<string, object?> { ["scriptId"] = r.ScriptId, ["scriptUrl"] = r.ScriptId is { } id ? $"/scripts/{id}" : null }),
        _ => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status404NotFound, title: "没有找到"),
    };

    public static IResult Saved(ScriptCommandResult r) => TypedResults.Ok(new
    {
        id = r.ScriptId, key = r.Key, version = r.Version, createdNewVersion = r.CreatedNewVersion, message = r.Message,
        warnings = r.Problems.Where(p => !p.IsError).Select(p => p.Message), url = $"/scripts/{r.ScriptId}",
    });
}

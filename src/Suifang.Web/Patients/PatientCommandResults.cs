using Suifang.Core.Patients;

namespace Suifang.Web.Patients;

/// Hand-entry outcomes as HTTP answers: 400 lists every field error in Chinese, 403 and 409 say why.
internal static class PatientCommandResults
{
    public static IResult ToHttp(this PatientCommandResult r, Func<long, IResult> ok) => r.Status switch
    {
        CommandStatus.Ok => ok(r.PatientId!.Value),
        CommandStatus.Invalid => TypedResults.ValidationProblem(
            r.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: r.Message, detail: string.Join(" ", r.Errors.Select(e => $"{e.Field}：{e.Message}"))),
        CommandStatus.Duplicate => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status409Conflict, title: "这位患者已存在",
            extensions: new Dictionary<string, object?> { ["existingPatientId"] = r.PatientId, ["existingPatientUrl"] = $"/patients/{r.PatientId}" }),
        CommandStatus.Forbidden => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status403Forbidden, title: "没有权限"),
        _ => TypedResults.Problem(r.Message, statusCode: StatusCodes.Status404NotFound, title: "没有找到"),
    };
}

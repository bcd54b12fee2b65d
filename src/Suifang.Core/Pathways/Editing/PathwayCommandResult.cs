using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Pathways.Editing;

public enum PathwayCommandStatus
{
    Ok,
    Invalid,
    Forbidden,
    NotFound,
    /// Refused because of the state of the pathway: used by plans, changed by someone else, a newer draft exists.
    Conflict,
}

/// The answer of a pathway command: the version saved (and whether it is a new one), or why not, in Chinese.
public sealed record PathwayCommandResult(
    PathwayCommandStatus Status, int? PathwayId, int? Version, bool CreatedNewVersion, IReadOnlyList<FieldError> Errors, string? Message)
{
    public bool Succeeded => Status == PathwayCommandStatus.Ok;

    public static PathwayCommandResult Ok(Pathway p, bool createdNewVersion = false, string? message = null) =>
        new(PathwayCommandStatus.Ok, p.Id, p.Version, createdNewVersion, [], message);

    public static PathwayCommandResult Invalid(IReadOnlyList<FieldError> errors) =>
        new(PathwayCommandStatus.Invalid, null, null, false, errors, "路径内容有误，请按提示修改后再保存。");

    public static PathwayCommandResult Forbidden(string message) => new(PathwayCommandStatus.Forbidden, null, null, false, [], message);

    public static PathwayCommandResult NotFound(int id) =>
        new(PathwayCommandStatus.NotFound, null, null, false, [], $"没有找到 ID 为 {id} 的随访路径，可能已被删除。");

    public static PathwayCommandResult Conflict(string message, int? pathwayId = null) =>
        new(PathwayCommandStatus.Conflict, pathwayId, null, false, [], message);
}

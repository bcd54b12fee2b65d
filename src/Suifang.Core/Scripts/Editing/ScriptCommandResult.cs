using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Scripts.Editing;

public enum ScriptCommandStatus
{
    Ok,
    Invalid,
    Forbidden,
    NotFound,
    /// Refused because of the script's state: used by calls, changed by someone else, a newer draft exists.
    Conflict,
}

/// The answer of a script command: the version saved (and whether it is new), or why not, in Chinese.
/// Problems are the content checker's findings (warnings ride along with Ok).
public sealed record ScriptCommandResult(
    ScriptCommandStatus Status, int? ScriptId, string? Key, int? Version, bool CreatedNewVersion,
    IReadOnlyList<FieldError> Errors, IReadOnlyList<ScriptContentProblem> Problems, string? Message)
{
    public bool Succeeded => Status == ScriptCommandStatus.Ok;

    public static ScriptCommandResult Ok(ScriptRecord s, bool createdNewVersion = false, string? message = null, IReadOnlyList<ScriptContentProblem>? problems = null) =>
        new(ScriptCommandStatus.Ok, s.Id, s.Key, s.Version, createdNewVersion, [], problems ?? [], message);

    public static ScriptCommandResult Invalid(IReadOnlyList<FieldError> errors, IReadOnlyList<ScriptContentProblem>? problems = null, string? message = null) =>
        new(ScriptCommandStatus.Invalid, null, null, null, false, errors, problems ?? [], message ?? "话术内容有误，请按提示修改后再保存。");

    public static ScriptCommandResult Forbidden(string message) => new(ScriptCommandStatus.Forbidden, null, null, null, false, [], [], message);

    public static ScriptCommandResult NotFound(int id) =>
        new(ScriptCommandStatus.NotFound, null, null, null, false, [], [], $"没有找到 ID 为 {id} 的话术，可能已被删除。");

    public static ScriptCommandResult Conflict(string message, int? scriptId = null) =>
        new(ScriptCommandStatus.Conflict, scriptId, null, null, false, [], [], message);
}

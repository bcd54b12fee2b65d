using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Patients;

public enum CommandStatus
{
    Ok,
    Invalid,
    Duplicate,
    Forbidden,
    NotFound,
}

/// The answer of a hand-entry command: done (with the patient's id), or why not, in Chinese.
/// Duplicate carries the id of the patient who is already there, so the page can link to them.
public sealed record PatientCommandResult(CommandStatus Status, long? PatientId, IReadOnlyList<FieldError> Errors, string? Message)
{
    public bool Succeeded => Status == CommandStatus.Ok;

    public static PatientCommandResult Ok(long patientId) => new(CommandStatus.Ok, patientId, [], null);

    public static PatientCommandResult Invalid(IReadOnlyList<FieldError> errors) =>
        new(CommandStatus.Invalid, null, errors, "填写的内容有误，请按提示修改后再保存。");

    public static PatientCommandResult Duplicate(long existingId, string name) =>
        new(CommandStatus.Duplicate, existingId, [], $"这位患者已存在：{name}（ID {existingId}）。请打开已有的档案，在其中添加就诊记录，不要重复建档。");

    public static PatientCommandResult Forbidden(string message) => new(CommandStatus.Forbidden, null, [], message);

    public static PatientCommandResult NotFound(long id) => new(CommandStatus.NotFound, null, [], $"没有找到 ID 为 {id} 的患者，可能已被删除。");
}

namespace Suifang.Core.Scripts.Editing;

/// What the editor or the API submits for a script version. Strings nullable so a missing one is answered in Chinese.
public sealed class ScriptInput
{
    public string? Name { get; set; }
    public int DepartmentId { get; set; }
    public ScriptRecordPurpose Purpose { get; set; } = ScriptRecordPurpose.Discharge;

    /// The agent's Script as JSON (ScriptJson form).
    public string? Json { get; set; }

    /// The revision the editor loaded; a save against a version changed since is refused. Null skips the check.
    public int? Revision { get; set; }

    public static ScriptInput From(ScriptRecord s) => new()
    {
        Name = s.Name, DepartmentId = s.DepartmentId, Purpose = s.Purpose, Json = s.Json, Revision = s.Revision,
    };
}

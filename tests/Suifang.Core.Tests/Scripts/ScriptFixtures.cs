using System.Text.Json;
using Suifang.Core.Accounts;
using Suifang.Core.Scripts;
using Suifang.Core.Scripts.Editing;
using Suifang.Testing;

namespace Suifang.Core.Tests.Scripts;

/// Core does not know the agent's Script; this checker stands in for the agent's: readable when the JSON has an
/// "opening", an error when the opening does not mention the AI assistant.
internal sealed class OpeningChecker : IScriptContentChecker
{
    public ScriptContentReport Check(string? json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json ?? "");
            if (!doc.RootElement.TryGetProperty("opening", out var opening))
                return new(false, [new(null, "内容", "没有开场白", true)]);
            return opening.GetString()!.Contains("AI") ? new(true, []) : new(true, [new(null, "开场白", "开场白没有说明来电的是 AI 助手。", true)]);
        }
        catch (JsonException)
        {
            return new(false, [new(null, "内容", "话术内容不是有效的格式", true)]);
        }
    }
}

internal static class ScriptFixtures
{
    public static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0);
    public static Func<DateTime> Clock => () => Now;
    public static readonly IScriptContentChecker Checker = new OpeningChecker();

    public const string Json = """{ "opening": "您好，我是AI智能随访助手。", "identityCheck": "您是本人吗？", "questions": [], "closing": "再见" }""";

    public static ScriptInput Valid(int departmentId, string name = "冠脉介入术后出院随访话术", ScriptRecordPurpose purpose = ScriptRecordPurpose.Discharge) =>
        new() { Name = name, DepartmentId = departmentId, Purpose = purpose, Json = Json };

    public static StaffScope Nurse(TestHospital h, params int[] departments) =>
        new("nurse-id", "护士乙", h.Hospital.Id, false, departments.ToHashSet(), new HashSet<string> { Roles.Nurse });
}

using Suifang.Agent.Dialogue;

namespace Suifang.Web.Scripts;

/// What the test console's patient "said in earlier follow-ups" (7.3.2), to see the agent refer to it or skip a question.
internal sealed record TestMemory(string Id, string Label, Func<DateTime, CallMemory> Build)
{
}

internal static class TestMemories
{
    public static readonly IReadOnlyList<TestMemory> All =
    [
        new("none", "首次随访（没有以前的回答）", _ => CallMemory.Empty),
        new("wound", "上次说伤口有点红", now => new([new("wound_redness", "yes", "伤口有点红", now.AddDays(-4), "D+3")])),
        new("fever", "上次体温 38.5℃、胸口有点闷", now => new([
            new("temperature", "38.5", "三十八度五", now.AddDays(-4), "D+3"),
            new("chest_pain", "yes", "胸口有点闷", now.AddDays(-4), "D+3")])),
        new("answered", "本期已答过体温和用药", now => new([
            new("temperature", "36.8", "三十六度八", now.AddHours(-3), "D+7"),
            new("medication_adherence", "按时服用", "每天都按时吃", now.AddHours(-3), "D+7")])),
    ];

    public static TestMemory Find(string id) => All.FirstOrDefault(m => m.Id == id) ?? All[0];
}

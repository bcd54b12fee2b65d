namespace Suifang.Core.Scripts.Editing;

/// Reads a script's JSON for Core, which does not know the agent's Script type: the Web host supplies the agent's checker.
public interface IScriptContentChecker
{
    ScriptContentReport Check(string? json);
}

/// Readable: the JSON is a script at all (drafts need that much). Problems with IsError block publishing.
public sealed record ScriptContentReport(bool Readable, IReadOnlyList<ScriptContentProblem> Problems)
{
    public bool Publishable => Readable && !Problems.Any(p => p.IsError);
}

public sealed record ScriptContentProblem(string? QuestionKey, string Field, string Message, bool IsError);

using Suifang.Agent.Scripts;
using Suifang.Core.Scripts.Editing;

namespace Suifang.Integrations.Scripts;

/// Core's view of a script's JSON, answered by the agent's ScriptJson and ScriptChecker.
internal sealed class AgentScriptChecker : IScriptContentChecker
{
    public ScriptContentReport Check(string? json)
    {
        var script = ScriptJson.TryDeserialize(json, out var error);
        if (script is null)
            return new(false, [new(null, "内容", error!, true)]);
        return new(true, ScriptChecker.Check(script).Select(p => new ScriptContentProblem(p.QuestionKey, p.Field, p.Message, p.IsError)).ToList());
    }
}

using Suifang.Agent.Knowledge;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.Dialogue;

/// <summary>
/// The deterministic dialogue engine: follows a <see cref="Script"/> turn by turn. Understanding only proposes what an
/// input means; the engine decides what to say (flows are data, code decides). One instance serves every call.
/// </summary>
public sealed class DialogueEngine(IUnderstander understander, IKnowledgeSearch knowledge, DialogueOptions? options = null)
    : IConversationFactory
{
    private readonly DialogueOptions options = options ?? DialogueOptions.Default;

    /// <inheritdoc />
    public IConversation Start(Script script, ConversationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(setup);
        return new ScriptConversation(script, setup, understander, knowledge, options, new CallContradictions());
    }
}

/// <summary>Limits of the dialogue engine.</summary>
/// <param name="ConfidenceThreshold">Understandings below it are treated as not understood (asked again).</param>
/// <param name="MaxSilences">Silences in a row before the call ends politely (the ones before are reprompted).</param>
/// <param name="MaxAttempts">Failed understandings of one question before it is skipped.</param>
/// <param name="MaxTurns">Patient turns before the agent closes the call (guards against loops).</param>
public sealed record DialogueOptions(double ConfidenceThreshold = 0.5, int MaxSilences = 3, int MaxAttempts = 3,
    int MaxTurns = 80)
{
    /// <summary>The defaults.</summary>
    public static readonly DialogueOptions Default = new();
}

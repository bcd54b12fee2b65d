using System.Collections.Concurrent;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;

namespace Suifang.Testing.Calls;

/// A test double of the dialogue engine: asks the script's questions in order and takes answers literally (yes/no by
/// 没/不 and 有/是, numbers in Chinese words), with the few global moves the call channel must handle (wrong number,
/// deceased, call later, refusal, a person, a question, a red flag, repeat, silence). The real engine is built
/// elsewhere (Suifang.Agent); this one only drives the channel's tests and the calls bench.
public sealed class ScriptedConversationFactory : IConversationFactory
{
    public ConcurrentQueue<(Script Script, ConversationSetup Setup)> Started { get; } = new();

    /// Makes the next conversations throw on their nth reply (a crash inside the dialogue).
    public int? ThrowOnReply { get; set; }

    public IConversation Start(Script script, ConversationSetup setup)
    {
        Started.Enqueue((script, setup));
        return new ScriptedConversation(script, setup, ThrowOnReply);
    }
}

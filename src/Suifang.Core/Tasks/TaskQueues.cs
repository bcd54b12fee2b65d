using Suifang.Core.Pathways;

namespace Suifang.Core.Tasks;

/// One queue per channel; each queue has its own scheduling policy and line limits.
public static class TaskQueues
{
    public const string AiCall = "ai-call";
    public const string Sms = "sms";
    public const string Questionnaire = "questionnaire";
    public const string Manual = "manual";

    public static string For(ChannelKind channel) => channel switch
    {
        ChannelKind.AiCall => AiCall,
        ChannelKind.Sms => Sms,
        ChannelKind.Questionnaire => Questionnaire,
        _ => Manual,
    };
}

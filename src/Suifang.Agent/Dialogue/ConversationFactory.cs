using Suifang.Agent.Scripts;

namespace Suifang.Agent.Dialogue;

/// <summary>Starts conversations; the one entry point the call channel and the script editor's test console use.</summary>
public interface IConversationFactory
{
    /// <summary>A new conversation following <paramref name="script"/> for the patient in <paramref name="setup"/>.</summary>
    IConversation Start(Script script, ConversationSetup setup);
}

/// <summary>Who is called and what the agent knows before the call.</summary>
/// <param name="PatientName">Name used in the greeting ("张先生" style forms are made by the engine).</param>
/// <param name="Now">Hospital local time at the start of the call.</param>
/// <param name="AnchorDate">Discharge or visit date the follow-up counts from.</param>
/// <param name="Period">The plan step label of this call, e.g. "D+7" (memory skips what was answered for it).</param>
/// <param name="Memory">Earlier answers of this patient.</param>
/// <param name="PatientAge">Age in years, if known: chooses the polite form ("张阿姨" for an older woman, "李女士" otherwise).</param>
/// <param name="CallBackNumber">The hospital's number a patient can call back (left on a voicemail), if configured.</param>
public sealed record ConversationSetup(string PatientName, string Hospital, string? Department, DateTime Now,
    DateTime? AnchorDate, string? Period, CallMemory Memory, bool PatientIsMale = false, int? PatientAge = null,
    string? CallBackNumber = null);

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
/// <param name="PatientIsMale">Kept for callers that only know "male or not"; <see cref="Sex"/> says more.</param>
public sealed record ConversationSetup(string PatientName, string Hospital, string? Department, DateTime Now,
    DateTime? AnchorDate, string? Period, CallMemory Memory, bool PatientIsMale = false, int? PatientAge = null,
    string? CallBackNumber = null)
{
    /// <summary>The patient's sex from the patient record: 先生 / 女士 (阿姨), 他 / 她; unknown greets by the full name
    /// ("张伟您好") and speaks of "患者" to a family member. <see cref="PatientIsMale"/> = true still means male.</summary>
    public PatientSex Sex { get; init; }

    /// <summary>The sex the wording uses: <see cref="Sex"/>, else male when <see cref="PatientIsMale"/>, else unknown.</summary>
    public PatientSex EffectiveSex => Sex != PatientSex.Unknown ? Sex : PatientIsMale ? PatientSex.Male : PatientSex.Unknown;
}

/// <summary>The patient's sex as the patient record gives it.</summary>
public enum PatientSex
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}

namespace Suifang.Agent.Dialogue;

/// <summary>
/// What the patient said in earlier follow-ups (7.3.2), given to a new conversation so the agent can refer to it
/// ("上次您说伤口有点红，现在怎么样了？") and skip questions already answered for the same period.
/// </summary>
/// <param name="Answers">Earlier answers, oldest first.</param>
public sealed record CallMemory(IReadOnlyList<RememberedAnswer> Answers)
{
    public static readonly CallMemory Empty = new([]);
}

/// <summary>An answer from an earlier follow-up.</summary>
/// <param name="At">When it was said.</param>
/// <param name="Period">The follow-up period it belongs to (e.g. the plan step "D+7"); answers of the current period are not asked again.</param>
public sealed record RememberedAnswer(string QuestionKey, string Value, string Said, DateTime At, string? Period);

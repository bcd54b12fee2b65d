using Suifang.Agent.Understanding;

namespace Suifang.Agent.LanguageModel;

/// <summary>
/// The optional language model (any OpenAI-compatible endpoint the hospital runs). It only proposes: every reply is
/// validated against a schema and dropped (null) when invalid, and with no endpoint configured
/// <see cref="IsAvailable"/> is false and every call returns null, so the offline path decides alone.
/// </summary>
public interface ILanguageModelAssist
{
    /// <summary>False when no model is configured; callers may skip the call.</summary>
    bool IsAvailable { get; }

    /// <summary>Name shown in settings, e.g. "qwen2.5-7b-instruct @ http://llm.hospital.local/v1".</summary>
    string Name { get; }

    /// <summary>Understands one utterance; null when the model is absent, fails, or answers outside the schema.</summary>
    Task<UtteranceUnderstanding?> UnderstandAsync(string text, UnderstandingContext context, CancellationToken ct);

    /// <summary>Summarises a call transcript for the nurse; null when absent, failed or invalid.</summary>
    Task<CallSummary?> SummariseAsync(string transcript, CancellationToken ct);
}

/// <summary>The nurse's summary of a call.</summary>
/// <param name="Summary">A few plain sentences.</param>
/// <param name="Concerns">Points the nurse should look at, each with the patient's words that support it.</param>
/// <param name="NeedsNurse">True when the model thinks a nurse should call back.</param>
public sealed record CallSummary(string Summary, IReadOnlyList<SummaryConcern> Concerns, bool NeedsNurse);

/// <summary>A concern with its evidence: <paramref name="Quote"/> is verbatim from the transcript.</summary>
public sealed record SummaryConcern(string Text, string Quote);

/// <summary>Used when no model is configured: never available, always null.</summary>
public sealed class NoLanguageModel : ILanguageModelAssist
{
    /// <inheritdoc />
    public bool IsAvailable => false;

    /// <inheritdoc />
    public string Name => "未配置";

    /// <inheritdoc />
    public Task<UtteranceUnderstanding?> UnderstandAsync(string text, UnderstandingContext context, CancellationToken ct) =>
        Task.FromResult<UtteranceUnderstanding?>(null);

    /// <inheritdoc />
    public Task<CallSummary?> SummariseAsync(string transcript, CancellationToken ct) => Task.FromResult<CallSummary?>(null);
}

namespace Suifang.Agent.Knowledge;

/// <summary>
/// Answers patients' questions from the follow-up knowledge base of a department (7.3.2.2). Returns null when nothing
/// matches well enough: the agent then promises a nurse's call-back and never makes an answer up.
/// </summary>
public interface IKnowledgeSearch
{
    /// <summary>The best answer for <paramref name="question"/> in <paramref name="department"/> (or hospital-wide entries), or null.</summary>
    KnowledgeHit? Find(string question, string? department);
}

/// <summary>A knowledge-base entry that answers the question.</summary>
/// <param name="EntryId">The entry's id, kept with the call for traceability.</param>
/// <param name="Score">Relevance, 0–1 after normalisation.</param>
public sealed record KnowledgeHit(string EntryId, string Question, string Answer, double Score);

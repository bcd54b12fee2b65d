namespace Suifang.Agent.Knowledge;

/// <summary>One knowledge-base entry as the index sees it.</summary>
/// <param name="Id">Stable id returned in <see cref="KnowledgeHit.EntryId"/>.</param>
/// <param name="Departments">Names or codes of the departments it belongs to; empty for a hospital-wide entry.</param>
/// <param name="Variants">Other ways patients ask the same question ("刀口能碰水吗").</param>
public sealed record KnowledgeDocument(string Id, IReadOnlyList<string> Departments, string Question,
    IReadOnlyList<string> Variants, string Answer);

/// <summary>A ranked candidate (for the retrieval evaluation and the "try it" box in the UI).</summary>
/// <param name="Bm25">Lucene's BM25 score (unbounded).</param>
/// <param name="Coverage">Share of the question's words (weighted by rarity) found in the best matching variant, 0–1.</param>
public sealed record KnowledgeCandidate(KnowledgeDocument Document, double Bm25, double Coverage);

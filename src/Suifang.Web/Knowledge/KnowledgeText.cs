namespace Suifang.Web.Knowledge;

/// Marker for KnowledgeText.resx: the words of the knowledge-base page.
public sealed class KnowledgeText;

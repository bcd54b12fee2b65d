using Markdig;

namespace Suifang.Web.Help;

/// Renders a help article: the title and category lines are shown by the page itself, the rest is Markdown.
internal static class HelpMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    public static string ToHtml(HelpArticle article) => Markdown.ToHtml(Body(article), Pipeline);

    /// The text after the front matter ("# Title" and "分类：…").
    public static string Body(HelpArticle article)
    {
        var lines = article.Markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        lines.RemoveAll(l => l.StartsWith("分类：", StringComparison.Ordinal));
        var title = lines.FindIndex(l => l.StartsWith("# ", StringComparison.Ordinal));
        if (title >= 0)
            lines.RemoveAt(title);
        return string.Join('\n', lines).Trim();
    }

    /// A short piece of the text around the first keyword, for the search results.
    public static string Excerpt(HelpArticle article, string? query, int length = 90)
    {
        var text = string.Join(' ', Body(article).Split('\n')
            .Select(l => l.TrimStart('#', '-', '*', '>', ' ', '|').Replace("**", "", StringComparison.Ordinal))
            .Where(l => l.Length > 0));
        var word = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var at = word is null ? -1 : text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        var start = Math.Max(0, at - length / 3);
        var piece = text.Substring(start, Math.Min(length, text.Length - start));
        return (start > 0 ? "…" : "") + piece + (start + piece.Length < text.Length ? "…" : "");
    }
}

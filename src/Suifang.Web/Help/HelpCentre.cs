using System.Reflection;

namespace Suifang.Web.Help;

public sealed record HelpArticle(string Slug, string Title, string Category, string Markdown);

/// The in-app help centre (8.2.1): articles are *.help.md files kept beside the features they describe
/// and embedded into the assembly, so a feature and its help change in one commit.
internal sealed class HelpCentre
{
    private readonly IReadOnlyList<HelpArticle> _articles;

    public HelpCentre()
    {
        var asm = typeof(HelpCentre).Assembly;
        _articles = asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("help/", StringComparison.Ordinal))
            .Select(n => Parse(n, asm))
            .OrderBy(a => a.Category, StringComparer.Ordinal).ThenBy(a => a.Title, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<HelpArticle> All => _articles;

    public HelpArticle? Find(string slug) => _articles.FirstOrDefault(a => a.Slug == slug);

    /// Every keyword must appear in the title or the text; title matches rank first.
    public IReadOnlyList<HelpArticle> Search(string? query)
    {
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
            return _articles;
        return _articles
            .Where(a => words.All(w => a.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || a.Markdown.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(a => words.Count(w => a.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    private static HelpArticle Parse(string resource, Assembly asm)
    {
        using var reader = new StreamReader(asm.GetManifestResourceStream(resource)!);
        var text = reader.ReadToEnd();
        var slug = resource["help/".Length..^".help.md".Length];
        // Front matter: first line "# Title", second line "分类：Category".
        var lines = text.Split('\n');
        var title = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? slug;
        var category = lines.FirstOrDefault(l => l.StartsWith("分类：", StringComparison.Ordinal))?["分类：".Length..].Trim() ?? "其他";
        return new HelpArticle(slug, title, category, text);
    }
}

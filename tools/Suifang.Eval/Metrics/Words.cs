using JiebaNet.Segmenter;

namespace Suifang.Eval.Metrics;

/// Chinese words for WER (6.4 a): jieba's accurate mode (the segmenter the agent uses), punctuation and spaces dropped.
internal static class Words
{
    private static readonly Lazy<JiebaSegmenter> Jieba = new(() =>
    {
        var resources = Path.Combine(AppContext.BaseDirectory, "Resources");
        if (Directory.Exists(resources)) ConfigManager.ConfigFileBaseDir = resources;
        return new JiebaSegmenter();
    });

    public static IReadOnlyList<string> Of(string text) =>
        Jieba.Value.Cut(text, cutAll: false, hmm: true).Where(w => w.Any(char.IsLetterOrDigit)).ToList();
}

using JiebaNet.Segmenter;

namespace Suifang.Agent.Understanding.Chinese;

/// <summary>
/// jieba.NET word segmentation with our user dictionary (the colloquial forms of terms.jsonl and the negation, hedge and
/// time words), so "刀口红", "没怎么", "说不好" stay whole. jieba's dictionary is process-wide: it is loaded and extended
/// once, under a lock; cutting afterwards only reads it, so one instance serves all calls.
/// </summary>
internal sealed class Segmenter
{
    private static readonly Lock Gate = new();
    private static Segmenter? shared;

    private static readonly string[] OwnWords =
    [
        "没怎么", "不怎么", "也不是", "不是不", "说不好", "说不清", "不好说", "好像", "有一点", "有点儿", "早就不", "哦不对", "不对",
        "下周", "下个月", "月底", "大后天", "再打", "晚点", "不方便", "转人工", "打错了", "去世了", "再说一遍", "没听清",
    ];

    private readonly JiebaSegmenter jieba;

    private Segmenter(JiebaSegmenter jieba) => this.jieba = jieba;

    /// <summary>The process-wide segmenter (the first call loads jieba's dictionary, about a second).</summary>
    public static Segmenter Shared(TermLexicon lexicon)
    {
        lock (Gate)
        {
            if (shared is not null) return shared;
            var resources = Path.Combine(AppContext.BaseDirectory, "Resources");
            if (Directory.Exists(resources)) ConfigManager.ConfigFileBaseDir = resources;
            var jieba = new JiebaSegmenter();
            foreach (var word in lexicon.AllSynonyms.Concat(OwnWords).Where(w => w.Length > 1)) jieba.AddWord(word, 2000);
            return shared = new Segmenter(jieba);
        }
    }

    /// <summary>Words of <paramref name="text"/> (accurate mode, HMM for unknown words), spaces dropped.</summary>
    public IReadOnlyList<string> Cut(string text) => jieba.Cut(text, cutAll: false, hmm: true).Where(w => !string.IsNullOrWhiteSpace(w)).ToList();
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Suifang.Agent.Knowledge;

/// <summary>
/// The follow-up knowledge base searched in memory with Lucene.Net's SmartCn analyzer and BM25 (7.3.2.2). BM25 ranks the
/// candidates; whether the best one answers the question is decided by how much of the question's content words (rarer
/// words counting more) the entry's wordings cover, so "今天天气怎么样" finds nothing instead of the least bad entry.
/// Immutable once built and safe to share between calls; rebuild it when entries change.
/// </summary>
public sealed class KnowledgeIndex : IKnowledgeSearch, IDisposable
{
    /// <summary>Below this coverage the agent does not answer and promises a nurse's call-back.</summary>
    public const double DefaultMinimumScore = 0.6;

    private const string AllDepartments = "*";
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly Analyzer _analyzer = new SmartChineseAnalyzer(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly List<KnowledgeDocument> _documents;
    private readonly IReadOnlyList<string> _wordings;
    private readonly IReadOnlyList<HashSet<string>> _questionWords;

    /// <summary>Indexes <paramref name="documents"/>.</summary>
    public KnowledgeIndex(IEnumerable<KnowledgeDocument> documents, double minimumScore = DefaultMinimumScore)
    {
        MinimumScore = minimumScore;
        _documents = documents.ToList();
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            for (var i = 0; i < _documents.Count; i++)
                writer.AddDocument(ToLucene(i, _documents[i]));
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _wordings = _documents.Select(d => string.Join('\n', d.Variants.Prepend(d.Question))).ToList();
        _questionWords = _documents.Select(d => Words(d.Question).ToHashSet()).ToList();
    }

    /// <summary>The coverage an answer needs.</summary>
    public double MinimumScore { get; }

    /// <summary>How many entries are indexed.</summary>
    public int Count => _documents.Count;

    /// <inheritdoc />
    public KnowledgeHit? Find(string question, string? department)
    {
        var words = Words(question).Distinct().ToList();
        var best = Search(words, department, 5).FirstOrDefault();
        if (best is null || best.Coverage < MinimumScore)
            return null;
        // One content word ("胰岛素呢") is too vague to answer unless it is what the entry's own question is about.
        if (words.Count == 1 && !_questionWords[_documents.IndexOf(best.Document)].Contains(words[0]))
            return null;
        return new KnowledgeHit(best.Document.Id, best.Document.Question, best.Document.Answer, best.Coverage);
    }

    /// <summary>The best <paramref name="k"/> candidates, best first (coverage, then BM25).</summary>
    public IReadOnlyList<KnowledgeCandidate> Search(string question, string? department, int k) =>
        Search(Words(question).ToList(), department, k);

    private IReadOnlyList<KnowledgeCandidate> Search(List<string> words, string? department, int k)
    {
        if (words.Count == 0 || _documents.Count == 0)
            return [];
        var text = new BooleanQuery();
        foreach (var word in words.Distinct())
        {
            text.Add(new TermQuery(new Term("q", word)) { Boost = 2 }, Occur.SHOULD);
            text.Add(new TermQuery(new Term("a", word)) { Boost = 0.3f }, Occur.SHOULD);
        }
        var query = new BooleanQuery { { text, Occur.MUST } };
        if (department is not null)
            query.Add(new BooleanQuery
            {
                { new TermQuery(new Term("dept", department.Trim())), Occur.SHOULD },
                { new TermQuery(new Term("dept", AllDepartments)), Occur.SHOULD },
            }, Occur.MUST);

        var weights = words.Distinct().ToDictionary(w => w, Idf);
        return _searcher.Search(query, Math.Max(k, 10)).ScoreDocs
            .Select(hit =>
            {
                var index = int.Parse(_searcher.Doc(hit.Doc).Get("i"), System.Globalization.CultureInfo.InvariantCulture);
                return new KnowledgeCandidate(_documents[index], hit.Score, Coverage(weights, _wordings[index]));
            })
            .OrderByDescending(c => Math.Round(c.Coverage, 3)).ThenByDescending(c => c.Bm25)
            .Take(k)
            .ToList();
    }

    /// A word counts as covered when some wording of the entry contains it: segmentation depends on context ("挂号" is
    /// one word in one sentence and "挂/号" in another), containment does not.
    private static double Coverage(Dictionary<string, double> weights, string wordings)
    {
        var total = weights.Values.Sum();
        return total <= 0 ? 0 : weights.Where(p => wordings.Contains(p.Key, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Value) / total;
    }

    private double Idf(string word)
    {
        var df = _reader.DocFreq(new Term("q", word));
        return Math.Log(1 + (_reader.NumDocs + 1.0) / (df + 0.5));
    }

    private Document ToLucene(int index, KnowledgeDocument d)
    {
        var doc = new Document { new StoredField("i", index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        foreach (var wording in d.Variants.Prepend(d.Question))
            doc.Add(new TextField("q", wording, Field.Store.NO));
        doc.Add(new TextField("a", d.Answer, Field.Store.NO));
        foreach (var department in d.Departments.Count == 0 ? [AllDepartments] : d.Departments)
            doc.Add(new StringField("dept", department.Trim(), Field.Store.NO));
        return doc;
    }

    /// <summary>The content words of <paramref name="text"/> (SmartCn segmentation; punctuation and function words dropped).</summary>
    public IEnumerable<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = _analyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            if (!Filler.Contains(term.ToString()) && !IsNumber(term.ToString()))
                words.Add(term.ToString());
        stream.End();
        return words;
    }

    /// Numbers ("三", "十", "八度", "38") say how much, not what about.
    private static bool IsNumber(string word) =>
        word.All(c => char.IsDigit(c) || "零一二两三四五六七八九十百千万点度个半".Contains(c));

    /// Words that carry no topic in a patient's question (the question's form, pronouns, particles, politeness).
    private static readonly HashSet<string> Filler =
    [
        "吗", "呢", "啊", "吧", "呀", "嘛", "的", "地", "得", "了", "着", "过", "我", "你", "您", "他", "她", "我们", "你们", "咱",
        "请问", "问", "问问", "一下", "那个", "这个", "嗯", "哦", "医生", "护士", "大夫", "你好", "想", "要", "是", "有", "还", "会",
        "就", "都", "也", "在", "给", "这", "那", "个", "一", "些", "能", "能不能", "不", "可以", "可不可以", "什么", "时候", "怎么",
        "怎么办", "怎么样", "怎样", "多久", "多少", "几", "哪里", "哪儿", "为什么", "是不是", "要不要", "正常", "老", "又", "和", "跟",
        "不能", "不是", "下", "下次", "医院", "才", "算", "看", "看看", "出来", "弄", "到", "说", "问题", "现在", "已经", "一直", "就是", "还是", "得",
    ];

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}

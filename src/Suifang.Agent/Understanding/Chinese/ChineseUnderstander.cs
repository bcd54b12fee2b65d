using Suifang.Agent.Scripts;

namespace Suifang.Agent.Understanding.Chinese;

/// <summary>
/// Offline understanding of Chinese replies (issue #4, 7.1.2): rules analyse (negation and uncertainty, values, dates,
/// global keywords, terms normalised to standard terms 7.1.2.2, references resolved against earlier turns 7.1.2.1) and an
/// ML.NET classifier trained on the labelled utterances decides the intent from the words and those cues. Pure
/// backchannels ("嗯", "好") are fillers by rule. Thread-safe: one instance serves every call.
/// </summary>
public sealed class ChineseUnderstander : IUnderstander
{
    private static readonly Lazy<ChineseUnderstander> SharedInstance = new(CreateShipped);

    private readonly TermLexicon lexicon;
    private readonly IntentClassifier? classifier;

    private ChineseUnderstander(TermLexicon lexicon, IntentClassifier? classifier)
    {
        this.lexicon = lexicon;
        this.classifier = classifier;
    }

    /// <summary>
    /// The process-wide understander: shipped terms and the shipped intent model (data/nlu/intent-model.zip) when its
    /// fingerprint matches the shipped data and rules, else a classifier trained now on every shipped utterance (slow:
    /// seconds). The first use loads jieba's dictionary; a host may touch it at start-up to pay that early.
    /// </summary>
    public static ChineseUnderstander Shared => SharedInstance.Value;

    /// <summary>True when the classifier is the shipped model (not trained at start-up because the data changed).</summary>
    public bool UsesShippedModel { get; private init; }

    /// <summary>The full fingerprint (data, rule cues, labels) the shipped model was trained with, or null.</summary>
    public static string? ShippedFingerprint => ShippedStamp()?.Full;

    /// <summary>SHA-256 of the shipped data files (terms and utterances): cheap to check at start-up.</summary>
    public static string DataHash()
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var name in TermLexicon.EmbeddedNames("nlu/utterances/").Prepend("nlu/terms.jsonl"))
        {
            using var stream = TermLexicon.OpenEmbedded(name);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            sha.AppendData(buffer.ToArray());
        }
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    // intent-model.sha256: line 1 the data hash (checked at start-up), line 2 the full fingerprint (checked by a test).
    private static (string Data, string Full)? ShippedStamp()
    {
        if (!TermLexicon.EmbeddedNames("nlu/intent-model.sha256").Any()) return null;
        using var reader = new StreamReader(TermLexicon.OpenEmbedded("nlu/intent-model.sha256"));
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length >= 2 ? (lines[0], lines[1]) : null;
    }

    /// <summary>An understander whose classifier learns from <paramref name="training"/> (e.g. the train split only).</summary>
    public static ChineseUnderstander Create(IEnumerable<LabelledUtterance> training, TermLexicon? lexicon = null)
    {
        lexicon ??= TermLexicon.Default;
        var rows = TrainingRows(training, lexicon);
        var classifier = rows.Select(r => r.Intent).Distinct().Count() >= 2 ? IntentClassifier.Train(rows, Segmenter.Shared(lexicon)) : null;
        return new ChineseUnderstander(lexicon, classifier);
    }

    /// <summary>
    /// SHA-256 of what the classifier learns from — each utterance with the rule cues of today's code and its label —
    /// so a shipped model is used only with the data and rules it was trained on.
    /// </summary>
    public static string Fingerprint(IEnumerable<LabelledUtterance> training, TermLexicon? lexicon = null)
    {
        var rows = TrainingRows(training, lexicon ?? TermLexicon.Default);
        var text = string.Join('\n', rows.Select(r => $"{r.Text}\t{r.Cues}\t{r.Intent}"));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }

    /// <summary>Writes this understander's intent model (bench understand-train ships it as data/nlu/intent-model.zip).</summary>
    public void SaveModel(Stream stream) =>
        (classifier ?? throw new InvalidOperationException("This understander has no trained classifier.")).Save(stream);

    private static ChineseUnderstander CreateShipped()
    {
        var lexicon = TermLexicon.Default;
        var all = UtteranceDataset.All;
        if (ShippedStamp() is { } stamp && TermLexicon.EmbeddedNames("nlu/intent-model.zip").Any())
        {
            if (stamp.Data == DataHash())
            {
                using var zip = TermLexicon.OpenEmbedded("nlu/intent-model.zip");
                return new ChineseUnderstander(lexicon, IntentClassifier.Load(zip, Segmenter.Shared(lexicon))) { UsesShippedModel = true };
            }
        }
        return Create(all, lexicon);
    }

    private static List<(string Text, string Cues, string Intent)> TrainingRows(IEnumerable<LabelledUtterance> training, TermLexicon lexicon)
    {
        Segmenter.Shared(lexicon);
        var rules = new ChineseUnderstander(lexicon, null);
        return training.Where(u => Enum.TryParse<Intent>(u.Intent, out _))
            .Select(u => (u.Text, rules.Analyse(u.Text, QuestionCatalogue.ContextOf(u)).Cues, u.Intent)).ToList();
    }

    public TermLexicon Lexicon => lexicon;

    public UtteranceUnderstanding Understand(string text, UnderstandingContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var a = Analyse(text, context);
        var (intent, confidence, source) = Decide(a);
        var symptoms = a.Symptoms;
        // The term a yes/no question asks about counts as mentioned: its status follows the answer.
        // The negation analysis decides when it can; otherwise the classifier's yes/no.
        if (a.QuestionTerm is { IsSymptom: true } asked && !symptoms.Any(s => s.Term == asked.Name))
        {
            SymptomStatus? status = a.Question?.Type == AnswerType.YesNo && a.Polarity is { } p ? p : intent switch
            {
                Intent.Affirm => SymptomStatus.Present, Intent.Deny => SymptomStatus.Absent, Intent.Uncertain => SymptomStatus.Uncertain, _ => null,
            };
            if (a.Question?.Type != AnswerType.YesNo && intent is not (Intent.Affirm or Intent.Deny or Intent.Uncertain)) status = ImpliedByValue(asked, a.Values);
            // "一天吐几次" / "胸痛持续多久" presuppose the symptom: not knowing how often or how long still says it happened.
            if (a.Question?.Type == AnswerType.Number && intent == Intent.Uncertain && !ThresholdTerms.Contains(asked.Name)) status = SymptomStatus.Present;
            if (status is { } known && intent is Intent.Affirm or Intent.Deny or Intent.Uncertain or Intent.Inform)
                symptoms.Add(new SymptomMention(asked.Name, text, a.Inverse ? Invert(known) : known, 0, text.Length));
        }
        // A value that implies a symptom (体温38.2 → 发热, 一百八 → 高血压, 疼痛两分 → 疼痛) outweighs a denial of it.
        if (a.QuestionTerm is { IsSymptom: true } valued && a.Question?.Type is AnswerType.Number or AnswerType.Score or AnswerType.BloodPressure
            && ImpliedByValue(valued, a.Values) == SymptomStatus.Present && intent is not Intent.Filler)
        {
            symptoms.RemoveAll(s => s.Term == valued.Name);
            symptoms.Add(new SymptomMention(valued.Name, text, SymptomStatus.Present, 0, text.Length));
        }
        DateTime? callBack = null;
        if (intent == Intent.CallLater && a.Times.Count > 0) callBack = a.Times[0].At(a.Times[0].Time ?? new TimeOnly(10, 0));
        return new UtteranceUnderstanding
        {
            Text = text,
            Intent = intent,
            Confidence = confidence,
            Symptoms = intent is Intent.Filler ? [] : symptoms,
            Values = intent switch { Intent.Filler => [], Intent.CallLater => a.Values.Where(v => v.Type != AnswerType.Date).ToList(), _ => a.Values },
            CallBackAt = callBack,
            ResolvedReferences = a.Resolved.Distinct().ToList(),
            Source = source,
        };
    }

    private (Intent, double, string) Decide(Analysis a)
    {
        if (IntentRules.IsNoise(a.Bare)) return (Intent.Unknown, 0.9, "rules");
        if (IntentRules.IsBackchannel(a.Bare) || a.Question is null && IntentRules.IsAcknowledgement(a.Bare)) return (Intent.Filler, 0.95, "rules");
        // a keyword inside a symptom said ("说话听不清楚" is 言语不清, not "I cannot hear you") is not a global intent
        if (IntentRules.StrongIntent(IntentRules.Bare(a.Masked)) is { } strong) return (strong, 0.95, "rules");
        if (classifier is not null)
        {
            var (intent, p) = classifier.Predict(a.Text, a.Cues);
            return (ValueRule(a, intent), p, "ml");
        }
        if (IntentRules.GlobalIntent(a.Bare) is { } global) return (global, 0.6, "rules");
        if (a.Question?.Type == AnswerType.YesNo && a.Polarity is { } polarity)
            return (polarity switch { SymptomStatus.Present => Intent.Affirm, SymptomStatus.Absent => Intent.Deny, _ => Intent.Uncertain }, 0.6, "rules");
        if (a.Values.Count > 0) return (Intent.Inform, 0.6, "rules");
        if (IntentRules.LooksLikeQuestion(a.Bare)) return (Intent.Question, 0.5, "rules");
        return (Intent.Unknown, 0.3, "rules");
    }

    // Labelling rule 3 (data/nlu/README.md) for number and score questions: a value makes the reply Inform (Deny and
    // Uncertain never carry one); no value and a plain "not there" ("不疼了" to the pain score) is Deny.
    private static Intent ValueRule(Analysis a, Intent intent)
    {
        if (a.Question?.Type is not (AnswerType.Number or AnswerType.Score or AnswerType.BloodPressure)) return intent;
        var valued = a.Values.Any(v => v.Type is AnswerType.Number or AnswerType.Score or AnswerType.BloodPressure);
        if (valued && intent is Intent.Deny or Intent.Uncertain) return Intent.Inform;
        if (!valued && intent == Intent.Inform && a.Polarity == SymptomStatus.Absent && !a.Symptoms.Any(s => s.Status == SymptomStatus.Present))
            return Intent.Deny;
        return intent;
    }

    private Analysis Analyse(string text, UnderstandingContext context)
    {
        var bare = IntentRules.Bare(text);
        var matches = lexicon.Find(text);
        var masked = Negation.Mask(text, matches);
        var question = context.Question;
        var questionTerm = question is null ? null : lexicon.ForQuestion(question.Key);
        var inverse = question is not null && questionTerm?.InverseQuestions.Contains(question.Key) == true;
        var resolved = new List<string>();
        var symptoms = Mentions.Symptoms(text, masked, matches, questionTerm, context.Mentioned, lexicon, resolved);
        var times = RelativeTime.FindAll(text, context.Now);
        var values = ValueExtractor.Extract(text, question, context.Now, matches, times, Negation.PolarityOf(masked, problem: false));
        if (symptoms.Count == 0 && Mentions.Anaphor(bare) && Mentions.LatestSymptom(context.Mentioned, lexicon) is { } referred)
        {
            symptoms.Add(new SymptomMention(referred, text, Negation.PolarityOf(masked, problem: true) ?? SymptomStatus.Present, 0, text.Length));
            resolved.Add(referred);
        }
        var askedMention = questionTerm is { IsSymptom: true } ? symptoms.LastOrDefault(s => s.Term == questionTerm.Name) : null;
        var polarity = askedMention is not null
            ? (inverse ? Invert(askedMention.Status) : askedMention.Status)
            : Negation.PolarityOf(masked, (questionTerm?.IsSymptom ?? false) && !inverse);

        // The answer's polarity for the classifier: a yes/no question asks about all of its terms ("不疼 就是有时候闷" to
        // chest_pain is a yes: 胸闷 is one of its terms), the main term's own status stays as said.
        var answerPolarity = polarity;
        if (question is not null && !inverse && symptoms.Count > 0)
        {
            var asked = lexicon.AllForQuestion(question.Key).Select(t => t.Name).ToHashSet();
            if (symptoms.Any(s => asked.Contains(s.Term) && s.Status == SymptomStatus.Present)) answerPolarity = SymptomStatus.Present;
        }
        var cues = new List<string> { question is null ? "q_none" : "q_" + question.Type.ToString().ToLowerInvariant(), "k_" + (question?.Key ?? "none") };
        cues.Add("pol_" + (answerPolarity?.ToString().ToLowerInvariant() ?? "none"));
        if (Negation.OnlyUncertainty(bare)) cues.Add("only_uncertain");
        if (askedMention is not null) cues.Add("asked_" + askedMention.Status.ToString().ToLowerInvariant());
        cues.AddRange(symptoms.Select(s => "sym_" + s.Status.ToString().ToLowerInvariant()).Distinct());
        cues.AddRange(values.Select(v => "val_" + v.Type.ToString().ToLowerInvariant()).Distinct());
        if (values.FirstOrDefault(v => v.Type == AnswerType.Choice) is { } chosen && question is not null)
            cues.Add(chosen.Choice == question.Choices[0] ? "choice_first" : "choice_other");
        if (times.Count > 0) cues.Add(times.Any(t => t.Time is not null) ? "clock" : "day");
        cues.AddRange(IntentRules.GlobalCues(bare).Select(i => "g_" + i.ToString().ToLowerInvariant()));
        if (IntentRules.LooksLikeQuestion(bare)) cues.Add("asks");
        cues.AddRange(Shape(text, bare, matches, values, times));
        if (bare.Length <= 2) cues.Add("short");
        if (IntentRules.IsNoise(bare)) cues.Add("noise");
        return new Analysis(text, bare, masked, question, questionTerm, inverse, symptoms, values, times, polarity, resolved, string.Join(' ', cues));
    }

    // What the utterance is made of, for the classifier: nothing of the follow-up's world in it (talk about something
    // else), only a time (a call-back time), hold-on words (a filler), how long it is.
    private static IEnumerable<string> Shape(string text, string bare, IReadOnlyList<TermMatch> matches, List<ExtractedValue> values, List<SaidTime> times)
    {
        if (matches.Count == 0 && values.Count == 0 && times.Count == 0) yield return "noterm";
        if (times.Count > 0)
        {
            var rest = text.ToCharArray();
            foreach (var t in times) for (var k = t.Start; k < t.Start + t.Length && k < rest.Length; k++) rest[k] = ' ';
            if (IntentRules.Bare(new string(rest)).Length <= 3 && matches.Count == 0) yield return "time_only";
        }
        if (IntentRules.HoldOn(bare)) yield return "hold_on";
        if (IntentRules.OnlyInterjections(bare)) yield return "interj";
        else if (bare.Length <= 4 && matches.Count == 0) yield return "short_content";
        yield return bare.Length switch { <= 3 => "len_s", <= 8 => "len_m", <= 15 => "len_l", _ => "len_xl" };
    }

    private sealed record Analysis(
        string Text, string Bare, string Masked, ScriptQuestion? Question, Term? QuestionTerm, bool Inverse, List<SymptomMention> Symptoms,
        List<ExtractedValue> Values, List<SaidTime> Times, SymptomStatus? Polarity, List<string> Resolved, string Cues);

    private static readonly HashSet<string> ThresholdTerms = ["发热", "高血糖", "心悸", "高血压", "低血糖"];

    // A count or duration above 0 asked about a symptom ("一天吐几次" → 三次) or a fever temperature says it is there.
    private static SymptomStatus? ImpliedByValue(Term asked, List<ExtractedValue> values)
    {
        var number = values.FirstOrDefault(v => v.Number is not null)?.Number;
        if (number is null) return null;
        if (asked.Name == "发热") return number >= 37.3 ? SymptomStatus.Present : null;
        if (asked.Name == "高血糖") return number >= 7.0 ? SymptomStatus.Present : null;
        if (asked.Name == "心悸") return number >= 100 ? SymptomStatus.Present : null;
        if (asked.Name == "高血压")
            return values.Any(v => v.Number >= 140 || v.Number2 >= 90) ? SymptomStatus.Present : null;
        return number > 0 ? SymptomStatus.Present : SymptomStatus.Absent;
    }

    private static SymptomStatus Invert(SymptomStatus s) =>
        s switch { SymptomStatus.Present => SymptomStatus.Absent, SymptomStatus.Absent => SymptomStatus.Present, _ => s };
}

using Suifang.Agent.Scripts;

namespace Suifang.Agent.Understanding.Chinese;

/// <summary>
/// Offline understanding of Chinese replies (issue #4, 7.1.2): rules where they are reliable (fillers, unmistakable
/// global intents, yes/no from negation analysis, values), the ML.NET intent classifier for the rest; symptoms
/// normalised to standard terms (7.1.2.2) with Present/Absent/Uncertain; references resolved against the terms mentioned
/// earlier in the call (7.1.2.1). Thread-safe: one instance serves every call.
/// </summary>
public sealed class ChineseUnderstander : IUnderstander
{
    private static readonly Lazy<ChineseUnderstander> SharedInstance = new(() => Create(UtteranceDataset.All));

    private readonly TermLexicon lexicon;
    private readonly IntentClassifier? classifier;

    private ChineseUnderstander(TermLexicon lexicon, IntentClassifier? classifier)
    {
        this.lexicon = lexicon;
        this.classifier = classifier;
    }

    /// <summary>
    /// The process-wide understander: shipped terms, classifier trained on every shipped utterance. The first use loads
    /// jieba's dictionary and trains (a second or two); a host may touch it at start-up to pay that early.
    /// </summary>
    public static ChineseUnderstander Shared => SharedInstance.Value;

    /// <summary>An understander whose classifier learns from <paramref name="training"/> (e.g. the train split only).</summary>
    public static ChineseUnderstander Create(IEnumerable<LabelledUtterance> training, TermLexicon? lexicon = null)
    {
        lexicon ??= TermLexicon.Default;
        var segmenter = Segmenter.Shared(lexicon);
        var rows = training.ToList();
        var classifier = rows.Select(r => r.Intent).Distinct().Count() >= 2
            ? IntentClassifier.Train(rows, key => QuestionCatalogue.Get(key)?.Type, segmenter)
            : null;
        return new ChineseUnderstander(lexicon, classifier);
    }

    public TermLexicon Lexicon => lexicon;

    public UtteranceUnderstanding Understand(string text, UnderstandingContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var bare = IntentRules.Bare(text);
        var matches = lexicon.Find(text);
        var masked = Negation.Mask(text, matches);
        var question = context.Question;
        var questionTerm = question is null ? null : lexicon.ForQuestion(question.Key);
        var resolved = new List<string>();
        var symptoms = Mentions.Symptoms(text, masked, matches, questionTerm, context.Mentioned, lexicon, resolved);
        var times = RelativeTime.FindAll(text, context.Now);
        var values = ValueExtractor.Extract(text, question, context.Now, matches, times);
        var problem = questionTerm?.IsSymptom ?? false;

        if (symptoms.Count == 0 && Mentions.Anaphor(bare) && Mentions.LatestSymptom(context.Mentioned, lexicon) is { } referred)
        {
            var status = Negation.PolarityOf(masked, problem: true) ?? SymptomStatus.Present;
            symptoms.Add(new SymptomMention(referred, text, status, 0, text.Length));
            resolved.Add(referred);
        }
        SymptomStatus? polarity = null;
        if (question?.Type == AnswerType.YesNo)
        {
            var asked = questionTerm is { IsSymptom: true } ? symptoms.LastOrDefault(s => s.Term == questionTerm.Name) : null;
            polarity = asked?.Status ?? Negation.PolarityOf(masked, problem);
            if (asked is null && questionTerm is { IsSymptom: true } && polarity is { } p && !IntentRules.IsBackchannel(bare))
                symptoms.Add(new SymptomMention(questionTerm.Name, text, p, 0, text.Length));
        }

        var (intent, confidence, source) = Decide(text, bare, question, polarity, values, context);
        if (intent is Intent.Filler or Intent.AskRepeat or Intent.WrongNumber or Intent.WhoAreYou)
            symptoms.RemoveAll(s => s.Length == text.Length && s.Start == 0 && question is not null);
        DateTime? callBack = null;
        if (intent == Intent.CallLater && times.Count > 0) callBack = times[0].At(times[0].Time ?? new TimeOnly(9, 0));
        return new UtteranceUnderstanding
        {
            Text = text,
            Intent = intent,
            Confidence = confidence,
            Symptoms = symptoms,
            Values = intent is Intent.Filler ? [] : values,
            CallBackAt = callBack,
            ResolvedReferences = resolved.Distinct().ToList(),
            Source = source,
        };
    }

    private (Intent, double, string) Decide(string text, string bare, ScriptQuestion? question, SymptomStatus? polarity, List<ExtractedValue> values, UnderstandingContext context)
    {
        if (IntentRules.IsBackchannel(bare)) return (Intent.Filler, 0.95, "rules");
        if (IntentRules.GlobalIntent(bare) is { } global) return (global, 0.9, "rules");
        var ml = classifier?.Predict(text, question?.Type, question is null);
        if (question is not null)
        {
            var answerIntents = new[] { Intent.Affirm, Intent.Deny, Intent.Uncertain, Intent.Inform };
            var mlSaysOther = ml is { } m && !answerIntents.Contains(m.Intent) && m.Probability > 0.6;
            if (!mlSaysOther)
            {
                if (question.Type == AnswerType.YesNo && polarity is { } p)
                    return (p switch { SymptomStatus.Present => Intent.Affirm, SymptomStatus.Absent => Intent.Deny, _ => Intent.Uncertain }, 0.85, "rules");
                if (question.Type != AnswerType.YesNo && values.Any(v => Fits(v.Type, question.Type)))
                    return (Intent.Inform, 0.85, "rules");
            }
        }
        if (ml is { } guess) return (guess.Intent, guess.Probability, "ml");
        if (IntentRules.LooksLikeQuestion(bare)) return (Intent.Question, 0.5, "rules");
        return (values.Count > 0 ? Intent.Inform : Intent.Unknown, 0.3, "rules");
    }

    private static bool Fits(AnswerType value, AnswerType asked) =>
        value == asked || asked == AnswerType.Number && value == AnswerType.BloodPressure || asked == AnswerType.BloodPressure && value == AnswerType.Number;
}

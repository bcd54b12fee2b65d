using System.Globalization;
using Suifang.Core.Calls;
using Suifang.Core.Calls.Triggers;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Presets;
using Suifang.Core.Todos;

namespace Suifang.Core.Questionnaires.Links;

/// What a submission leaves behind: the answers as follow-up results (Source Questionnaire) under their vocabulary
/// keys, the total score as a result "<key>_score", to-dos for abnormal answers (the step's triggers and the
/// questionnaire's own alerts, read by TriggerEvaluator) and for a high-risk score, and the task's summary.
public sealed record ResponseOutcome(List<FollowUpResult> Results, List<TodoItem> Todos, string Summary)
{
    public const string Source = "questionnaire";

    public static ResponseOutcome Build(QuestionnaireLink link, QuestionnaireVersion version, QuestionnaireContent content,
        IReadOnlyDictionary<string, string> answers, ScoreResult? score, IReadOnlyList<TriggerRule> stepTriggers, DateTime now)
    {
        var stepKeys = stepTriggers.Select(t => t.QuestionKey).ToHashSet(StringComparer.Ordinal);
        var results = new List<FollowUpResult>();
        foreach (var q in content.Questions)
        {
            var key = ResultKey(q);
            if (answers.TryGetValue(q.Key, out var value)
                && (PathwayPresets.Vocabulary.ContainsKey(key) || stepKeys.Contains(key) || version.Questionnaire?.Kind == QuestionnaireKind.Generated))
                results.Add(Result(link, key, value, QuestionnaireAnswers.Display(q, value), now));
        }
        var questionnaireKey = QuestionnaireKey(link, version);
        var keyName = ScoreKey(questionnaireKey);
        if (score is not null)
        {
            var text = score.Score.ToString("0.##", CultureInfo.InvariantCulture);
            results.Add(Result(link, keyName, text, $"{version.Title} {text} 分{(score.Label is null ? "" : "，" + score.Label)}", now));
            foreach (var sub in score.SubScores)
            {
                var subText = sub.Score.ToString("0.##", CultureInfo.InvariantCulture);
                var subKey = ScoreKey(questionnaireKey + "_" + sub.Rule.Key);
                results.Add(Result(link, subKey, subText, $"{version.Title}·{sub.Rule.Label} {subText} 分{(sub.Band is null ? "" : "，" + sub.Band.Label)}", now));
            }
        }
        var facts = Facts(content, answers, score, questionnaireKey);
        var alerts = Alerts(content, questionnaireKey);

        var todos = TriggerEvaluator.Evaluate(stepTriggers.Concat(alerts), facts)
            .Select(h => Todo(link, h.Rule.Severity == TriggerSeverity.Critical ? TodoUrgency.Critical : TodoUrgency.Normal,
                h.Rule.Description, $"{version.Title}：{h.Answer.Said}", h.Rule.QuestionKey, now))
            .ToList();
        if (score is { Risk: RiskLevel.High } high)
            todos.Add(Todo(link, TodoUrgency.Urgent, $"{version.Title}高风险：{high.Label}（{high.Score:0.##} 分）" + (high.Band?.Advice is { } a ? "，" + a : ""),
                $"{version.Title} 总分 {high.Score:0.##}", keyName, now));
        var summary = score is null ? $"问卷已提交：{version.Title}" : $"问卷已提交：{version.Title} {score.Score:0.##} 分 {score.Label}";
        return new ResponseOutcome(results, todos, summary);
    }

    /// An answer (or score) that the questionnaire's own alerts mark critical (e.g. PHQ-9 item 9 ≥ 1), decided from memory
    /// alone in stage 1 so the patient's thank-you page can say the nurse is told. The plan step's triggers are read from
    /// the database in stage 2 and are not part of it; their to-dos follow all the same.
    public static bool HasCriticalAnswer(QuestionnaireLink link, QuestionnaireVersion version, QuestionnaireContent content,
        IReadOnlyDictionary<string, string> answers, ScoreResult? score)
    {
        var questionnaireKey = QuestionnaireKey(link, version);
        return TriggerEvaluator.Evaluate(Alerts(content, questionnaireKey), Facts(content, answers, score, questionnaireKey))
            .Any(h => h.Rule.Severity == TriggerSeverity.Critical);
    }

    /// What the triggers read: each answer under its question key and its result key, the total and the sub-scores.
    private static List<AnswerFact> Facts(QuestionnaireContent content, IReadOnlyDictionary<string, string> answers, ScoreResult? score,
        string questionnaireKey)
    {
        var facts = new List<AnswerFact>();
        foreach (var q in content.Questions)
        {
            if (!answers.TryGetValue(q.Key, out var value))
                continue;
            var said = QuestionnaireAnswers.Display(q, value);
            facts.Add(new AnswerFact(q.Key, value, said));
            if (ResultKey(q) is var key && key != q.Key)
                facts.Add(new AnswerFact(key, value, said));
        }
        if (score is null)
            return facts;
        var text = score.Score.ToString("0.##", CultureInfo.InvariantCulture);
        facts.Add(new AnswerFact(ScoreKey(questionnaireKey), text, $"总分 {text} 分"));
        foreach (var sub in score.SubScores)
        {
            var subText = sub.Score.ToString("0.##", CultureInfo.InvariantCulture);
            facts.Add(new AnswerFact(ScoreKey(questionnaireKey + "_" + sub.Rule.Key), subText, $"{sub.Rule.Label} {subText} 分"));
        }
        return facts;
    }

    /// Alerts on the total or a sub-score name it by its place-holder key; they read the stored score key.
    private static IEnumerable<TriggerRule> Alerts(QuestionnaireContent content, string questionnaireKey) =>
        content.Alerts.Select(a => ScoreAlert(a, questionnaireKey));

    private static string QuestionnaireKey(QuestionnaireLink link, QuestionnaireVersion version) =>
        version.Questionnaire?.Key ?? "questionnaire-" + link.QuestionnaireId;

    public static string ResultKey(QuestionnaireQuestion q) => q.ResultKey is { Length: > 0 } k ? k : q.Key;

    private static TriggerRule ScoreAlert(TriggerRule alert, string questionnaireKey) => alert.QuestionKey switch
    {
        QuestionnaireScoring.TotalKey => Copy(alert, ScoreKey(questionnaireKey)),
        var k when k.StartsWith(QuestionnaireScoring.SubPrefix, StringComparison.Ordinal) =>
            Copy(alert, ScoreKey(questionnaireKey + "_" + k[QuestionnaireScoring.SubPrefix.Length..])),
        _ => alert,
    };

    private static TriggerRule Copy(TriggerRule a, string key) =>
        new() { QuestionKey = key, Operator = a.Operator, Value = a.Value, Severity = a.Severity, Description = a.Description };

    /// The result key of a questionnaire's total score: "phq-9" → "phq_9_score".
    public static string ScoreKey(string questionnaireKey) => questionnaireKey.Replace('-', '_') + "_score";

    private static FollowUpResult Result(QuestionnaireLink link, string key, string value, string said, DateTime now) => new()
    {
        HospitalId = link.HospitalId, DepartmentId = link.DepartmentId, PatientId = link.PatientId, PlanId = link.PlanId,
        PlanStepId = link.PlanStepId, QuestionKey = Clip(key, 64), Value = Clip(value, 500), Said = Clip(said, 2000),
        Source = ResultSource.Questionnaire, Period = link.Period, At = now, Confirmed = true,
    };

    private static TodoItem Todo(QuestionnaireLink link, TodoUrgency urgency, string reason, string evidence, string key, DateTime now) => new()
    {
        HospitalId = link.HospitalId, DepartmentId = link.DepartmentId, PatientId = link.PatientId, PlanStepId = link.PlanStepId,
        Kind = TodoKind.Abnormal, Urgency = urgency, Reason = Clip(reason, 500), Evidence = Clip(evidence, 1000), QuestionKey = Clip(key, 64),
        Source = Source, Status = TodoStatus.Open, CreatedAt = now,
    };

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;
}

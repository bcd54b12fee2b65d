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
        var facts = new List<AnswerFact>();
        foreach (var q in content.Questions)
        {
            if (!answers.TryGetValue(q.Key, out var value))
                continue;
            var said = QuestionnaireAnswers.Display(q, value);
            var key = ResultKey(q);
            facts.Add(new AnswerFact(q.Key, value, said));
            if (key != q.Key)
                facts.Add(new AnswerFact(key, value, said));
            if (PathwayPresets.Vocabulary.ContainsKey(key) || stepKeys.Contains(key) || version.Questionnaire?.Kind == QuestionnaireKind.Generated)
                results.Add(Result(link, key, value, said, now));
        }
        var questionnaireKey = version.Questionnaire?.Key ?? "questionnaire-" + link.QuestionnaireId;
        var keyName = ScoreKey(questionnaireKey);
        if (score is not null)
        {
            var text = score.Score.ToString("0.##", CultureInfo.InvariantCulture);
            results.Add(Result(link, keyName, text, $"{version.Title} {text} 分{(score.Label is null ? "" : "，" + score.Label)}", now));
            facts.Add(new AnswerFact(keyName, text, $"总分 {text} 分"));
            foreach (var sub in score.SubScores)
            {
                var subText = sub.Score.ToString("0.##", CultureInfo.InvariantCulture);
                var subKey = ScoreKey(questionnaireKey + "_" + sub.Rule.Key);
                results.Add(Result(link, subKey, subText, $"{version.Title}·{sub.Rule.Label} {subText} 分{(sub.Band is null ? "" : "，" + sub.Band.Label)}", now));
                facts.Add(new AnswerFact(subKey, subText, $"{sub.Rule.Label} {subText} 分"));
            }
        }
        // Alerts on the total or a sub-score name it by its place-holder key; they read the stored score key.
        var alerts = content.Alerts.Select(a => ScoreAlert(a, questionnaireKey));

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

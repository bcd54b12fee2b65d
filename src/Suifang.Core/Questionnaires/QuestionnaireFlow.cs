using Suifang.Core.Calls.Triggers;
using Suifang.Core.Pathways;

namespace Suifang.Core.Questionnaires;

/// 问卷逻辑: which questions a patient sees given the answers so far. The patient page runs the same rules in the
/// browser (questionnaire.js); the server applies these on submission, so an answer to a question the patient should
/// not have seen is dropped and a required question that was skipped is not demanded.
public static class QuestionnaireFlow
{
    public static IReadOnlyList<QuestionnaireQuestion> Visible(QuestionnaireContent content, IReadOnlyDictionary<string, string> answers)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        // A Show rule hides its target until its condition holds; a target of several Show rules shows when any holds.
        var showTargets = content.Logic.Where(r => r.Action == LogicAction.Show).GroupBy(r => r.TargetKey);
        var keys = content.Questions.Select(q => q.Key).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (hidden.Contains(key))
                continue;
            foreach (var rule in content.Logic.Where(r => r.WhenKey == key && Holds(r, answers)))
            {
                if (rule.Action == LogicAction.Skip)
                    hidden.Add(rule.TargetKey);
                else if (rule.Action == LogicAction.Jump)
                {
                    var target = keys.IndexOf(rule.TargetKey);
                    var end = target > i ? target : keys.Count;
                    for (var j = i + 1; j < end; j++)
                        hidden.Add(keys[j]);
                }
            }
            // Show rules are read when their target comes up, from the (visible) answers before it.
        }
        foreach (var group in showTargets)
        {
            if (!group.Any(r => !hidden.Contains(r.WhenKey) && Holds(r, answers)))
                hidden.Add(group.Key);
        }
        return content.Questions.Where(q => !hidden.Contains(q.Key)).ToList();
    }

    /// A multiple-choice answer ("a;c") meets "= c" when c is one of its choices.
    public static bool Holds(LogicRule rule, IReadOnlyDictionary<string, string> answers)
    {
        if (!answers.TryGetValue(rule.WhenKey, out var value) || string.IsNullOrWhiteSpace(value))
            return false;
        var probe = new TriggerRule { QuestionKey = rule.WhenKey, Operator = rule.Operator, Value = rule.Value, Description = "" };
        if (value.Contains(';') && rule.Operator is TriggerOperator.Equals or TriggerOperator.Contains)
            return value.Split(';').Any(v => TriggerEvaluator.Fires(probe, v));
        return TriggerEvaluator.Fires(probe, value);
    }
}

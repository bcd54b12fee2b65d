using Suifang.Core.Pathways;

namespace Suifang.Core.Questionnaires;

public enum QuestionType
{
    SingleChoice = 1,
    MultipleChoice = 2,
    Text = 3,
    Number = 4,
    Date = 5,
    /// Stars (1–5) or a 0–10 score (RatingStyle).
    Rating = 6,
}

public enum RatingStyle
{
    Stars = 1,
    ZeroToTen = 2,
}

/// One choice of a choice question: a stable value (what is stored), the words shown, and its score for scales.
public sealed class QuestionOption
{
    public required string Value { get; set; }
    public required string Label { get; set; }
    public double? Score { get; set; }
}

/// One question of a questionnaire. Key is the answer's name; when it is a key of the shared question vocabulary
/// (question-vocabulary.json) the answer becomes a FollowUpResult under that key, which the triggers and the next
/// call's memory read.
public sealed class QuestionnaireQuestion
{
    public required string Key { get; set; }
    public required string Text { get; set; }
    public QuestionType Type { get; set; } = QuestionType.SingleChoice;
    public List<QuestionOption> Options { get; set; } = [];
    public bool Required { get; set; } = true;

    /// A short explanation shown under the question (e.g. "最近两周").
    public string? Hint { get; set; }
    public string? Unit { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    public RatingStyle RatingStyle { get; set; } = RatingStyle.ZeroToTen;

    /// The vocabulary key the answer is stored under when it differs from Key (null: Key itself when it is one).
    public string? ResultKey { get; set; }

    /// 反向计分: the item counts from the other end of its range (on a 0–3 item, 0 counts 3), for items worded the
    /// other way round ("我睡得很好").
    public bool Reverse { get; set; }
}

public enum LogicAction
{
    /// The target is shown only when the condition holds.
    Show = 1,
    /// The target is skipped (hidden) when the condition holds.
    Skip = 2,
    /// When the condition holds, every question after WhenKey up to (not including) the target is skipped.
    Jump = 3,
}

/// 逻辑: "when the answer to WhenKey (operator) Value, then (action) TargetKey".
public sealed class LogicRule
{
    public required string WhenKey { get; set; }
    public TriggerOperator Operator { get; set; } = TriggerOperator.Equals;
    public required string Value { get; set; }
    public LogicAction Action { get; set; }
    public required string TargetKey { get; set; }
}

public enum RiskLevel
{
    None = 0,
    Low = 1,
    Moderate = 2,
    High = 3,
}

/// 风险分级: a band of the total score, e.g. PHQ-9 10–14 "中度抑郁".
public sealed class ScoreBand
{
    public double Min { get; set; }
    public double Max { get; set; }
    public required string Label { get; set; }
    public RiskLevel Level { get; set; }

    /// What the nurse should do (on the to-do of a high-risk score).
    public string? Advice { get; set; }
}

/// 计分规则: the total is the sum of the scored answers (option scores, or the number of a rating/number question) of
/// Items (all scored questions when empty), times Multiplier; the band is the first whose range holds it.
public sealed class ScoringRule
{
    public List<string> Items { get; set; } = [];
    public double Multiplier { get; set; } = 1;
    public List<ScoreBand> Bands { get; set; } = [];

    /// 分量表 (e.g. "睡眠" of a quality-of-life form): sums of some items, stored beside the total; alerts may read them.
    public List<SubScore> SubScores { get; set; } = [];
}

/// 分量表得分: the sum of Items (no multiplier), under its own key; optional bands label it.
public sealed class SubScore
{
    public required string Key { get; set; }
    public required string Label { get; set; }
    public List<string> Items { get; set; } = [];
    public List<ScoreBand> Bands { get; set; } = [];
}

/// What a questionnaire asks, how questions follow one another, how it is scored, and which answers are abnormal.
public sealed class QuestionnaireContent
{
    /// Shown above the first question (who asks, why, how long it takes).
    public string Intro { get; set; } = "";
    public List<QuestionnaireQuestion> Questions { get; set; } = [];
    public List<LogicRule> Logic { get; set; } = [];
    public ScoringRule? Scoring { get; set; }

    /// Abnormal answers (e.g. PHQ-9 item 9 > 0): each raises a to-do, like a pathway's triggers. QuestionKey may also be
    /// QuestionnaireScoring.TotalKey ("总分 ≥ 10") or SubPrefix + a sub-score's key.
    public List<TriggerRule> Alerts { get; set; } = [];

    public QuestionnaireQuestion? Question(string key) => Questions.FirstOrDefault(q => q.Key == key);
}

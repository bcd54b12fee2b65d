namespace Suifang.Agent.Scripts;

/// <summary>What a script is for; templates are grouped by it.</summary>
public enum ScriptPurpose
{
    /// <summary>出院随访.</summary>
    Discharge = 1,
    /// <summary>门诊随访.</summary>
    Outpatient = 2,
    /// <summary>满意度调查.</summary>
    Satisfaction = 3,
}

/// <summary>What a question collects (issue #4: yes/no, number with unit, choice, date, free text).</summary>
public enum AnswerType
{
    /// <summary>是/否, with "uncertain" possible.</summary>
    YesNo = 1,
    /// <summary>A number with a unit, e.g. 38.5 ℃.</summary>
    Number = 2,
    /// <summary>One of <see cref="ScriptQuestion.Choices"/>.</summary>
    Choice = 3,
    /// <summary>A calendar date ("下周三" resolved against the call time).</summary>
    Date = 4,
    /// <summary>Free text, kept as said.</summary>
    Text = 5,
    /// <summary>A 0–10 score (pain, satisfaction).</summary>
    Score = 6,
    /// <summary>Two numbers, systolic/diastolic, e.g. 150/95 mmHg.</summary>
    BloodPressure = 7,
}

/// <summary>
/// 话术: a versioned flow the agent follows on a call — opening with AI disclosure and identity check, questions with
/// branches and confirmations, closing. Flows are data (JSON); the dialogue engine interprets them deterministically.
/// </summary>
public sealed record Script
{
    /// <summary>Stable key, e.g. "pci-discharge"; pathway nodes refer to it (PathwayNode.ScriptKey).</summary>
    public required string Key { get; init; }
    /// <summary>Version; a version that has been used on a call is never changed (a new one is made).</summary>
    public int Version { get; init; } = 1;
    public required string Name { get; init; }
    /// <summary>Department name or code the template belongs to (templates per department).</summary>
    public string? Department { get; init; }
    public ScriptPurpose Purpose { get; init; } = ScriptPurpose.Discharge;

    /// <summary>Greeting; must say it is the hospital's AI assistant and that a person can be asked for.
    /// Placeholders: {patient}, {hospital}, {department}, {anchor_date}.</summary>
    public required string Opening { get; init; }
    /// <summary>Identity check, e.g. "请问您是{patient}本人或者家属吗？".</summary>
    public required string IdentityCheck { get; init; }
    public IReadOnlyList<ScriptQuestion> Questions { get; init; } = [];
    public required string Closing { get; init; }
}

/// <summary>One question of a script.</summary>
public sealed record ScriptQuestion
{
    /// <summary>Answer key shared with pathway nodes and results (see Core's question-vocabulary.json), e.g. "temperature".</summary>
    public required string Key { get; init; }
    public required string Text { get; init; }
    /// <summary>Short name used when reading an answer back or referring to it, e.g. "体温" ("您是说体温38.5度，对吗？").</summary>
    public string? Label { get; init; }
    /// <summary>The standard symptom term a yes/no question asks about (7.1.2.2), e.g. "发热": ties the answer to
    /// symptoms mentioned elsewhere in the call (contradictions, the red-flag pass skips what the script asked).</summary>
    public string? Symptom { get; init; }
    /// <summary>How the nurse's note (the call summary) names the item when <see cref="Label"/> is not set or reads
    /// badly in a note, e.g. "心率", "穿刺处肿胀出血"; without it the summary derives a name from the question.</summary>
    public string? Note { get; init; }
    /// <summary>The whole note for a "yes" / "no" answer when "有…/无…" reads wrong, e.g. "仍在吸烟" / "不吸烟", "已复诊" / "未复诊".</summary>
    public string? NoteYes { get; init; }
    public string? NoteNo { get; init; }
    /// <summary>Said instead of <see cref="Text"/> when the patient asks to repeat or did not understand (spoken slower).</summary>
    public string? Rephrase { get; init; }
    public AnswerType Type { get; init; } = AnswerType.YesNo;
    public string? Unit { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];
    /// <summary>Plausible range of a number or score; an answer outside it is asked again.</summary>
    public double? Min { get; init; }
    public double? Max { get; init; }
    public bool Required { get; init; } = true;
    /// <summary>Critical answers are read back for confirmation ("您是说体温38.5度，对吗？").</summary>
    public bool Confirm { get; init; }
    /// <summary>Key presses offered for a hard question, e.g. "有请按1，没有请按2"; maps digits to answers.</summary>
    public IReadOnlyDictionary<string, string> Dtmf { get; init; } = new Dictionary<string, string>();
    /// <summary>Branches taken on the answer, first match wins; none matching goes to the next question.</summary>
    public IReadOnlyList<ScriptBranch> Branches { get; init; } = [];
}

/// <summary>
/// A branch: when the answer matches <see cref="When"/> ("yes", "no", "uncertain", a choice, or a comparison such as
/// "&gt;=38.5"), say <see cref="Say"/> and continue at <see cref="Goto"/> (a question key, or "closing").
/// </summary>
public sealed record ScriptBranch(string When, string? Say = null, string? Goto = null);

using System.Text.Json;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.Tests.Dialogue;

/// <summary>
/// A dialogue test case as a file (Rasa-style test story): the setup, what the patient says or presses turn by turn,
/// what the agent must do at each turn, and the outcome.
/// </summary>
internal sealed record Story
{
    public required string Name { get; init; }
    /// <summary>The standard clause the behaviour comes from.</summary>
    public string? Clause { get; init; }
    public string Script { get; init; } = "discharge";
    public StorySetup Setup { get; init; } = new();
    public List<UtteranceUnderstanding> Understanding { get; init; } = [];
    public Dictionary<string, string> Knowledge { get; init; } = [];
    public required List<StoryStep> Steps { get; init; }
    public StoryOutcome? Outcome { get; init; }

    public static Story Load(string path) => JsonSerializer.Deserialize<Story>(File.ReadAllText(path), TableUnderstander.Json)!;

    public ConversationSetup ToSetup() => new(Setup.Patient, Setup.Hospital, Setup.Department, Setup.Now, Setup.AnchorDate,
        Setup.Period, new CallMemory(Setup.Memory.Select(m => new RememberedAnswer(m.Key, m.Value, m.Said, m.At, m.Period)).ToList()),
        Setup.Male, Setup.Age);
}

internal sealed record StorySetup
{
    public string Patient { get; init; } = "张伟";
    public bool Male { get; init; } = true;
    public int? Age { get; init; }
    public string Hospital { get; init; } = "第一人民医院";
    public string? Department { get; init; } = "普外科";
    public DateTime Now { get; init; } = new(2026, 12, 1, 10, 0, 0);
    public DateTime? AnchorDate { get; init; } = new(2026, 11, 24);
    public string? Period { get; init; } = "D+7";
    public List<StoryMemory> Memory { get; init; } = [];
}

internal sealed record StoryMemory(string Key, string Value, string Said, DateTime At, string? Period);

/// <summary>One turn: the patient's input (none for the opening) and what the agent's turn must show.</summary>
internal sealed record StoryStep
{
    public string? Say { get; init; }
    public string? Press { get; init; }
    public bool Silence { get; init; }
    public StoryExpect Expect { get; init; } = new();

    public PatientInput Input => Silence ? PatientInput.Silence : Press is { } keys ? PatientInput.Pressed(keys) : PatientInput.Said(Say!);
    public bool IsOpening => Say is null && Press is null && !Silence;
}

internal sealed record StoryExpect
{
    public List<string> Contains { get; init; } = [];
    public List<string> NotContains { get; init; } = [];
    public string? Question { get; init; }
    public bool? Slow { get; init; }
    public bool? Dtmf { get; init; }
    public bool Ends { get; init; }
}

internal sealed record StoryOutcome
{
    public CallEnding Ending { get; init; }
    public Dictionary<string, string> Answers { get; init; } = [];
    public List<string> Unanswered { get; init; } = [];
    public List<string> Confirmed { get; init; } = [];
    public bool? Family { get; init; }
    public List<string> Escalations { get; init; } = [];
    public List<string> UrgentEscalations { get; init; } = [];
    public DateTime? CallBackAt { get; init; }
    public List<string> SummaryContains { get; init; } = [];
}

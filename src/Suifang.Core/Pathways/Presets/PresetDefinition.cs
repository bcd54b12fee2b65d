using System.Text.Json;
using System.Text.Json.Serialization;
using Suifang.Core.Pathways.Editing;

namespace Suifang.Core.Pathways.Presets;

/// One preset pathway as written in Presets/*.json. Questions are either a key of the shared vocabulary
/// (question-vocabulary.json, documented in question-keys.md) or a full question, optionally overriding the vocabulary's text.
public sealed class PresetDefinition
{
    public required string Key { get; init; }
    public required string Name { get; init; }

    /// Department codes, names or aliases to assign the pathway to, best first (e.g. "XNK", "心血管内科", "心内科").
    public List<string> Departments { get; init; } = [];
    public required string DiseaseCodes { get; init; }
    public required string DiseaseNames { get; init; }
    public string? Description { get; init; }

    /// The channels of every node that does not list its own.
    public List<ChannelInput> Channels { get; init; } = [];
    public List<PresetNode> Nodes { get; init; } = [];
}

public sealed class PresetNode
{
    public required string Title { get; init; }
    public AnchorEvent Anchor { get; init; } = AnchorEvent.Discharge;
    public int Offset { get; init; }
    public OffsetUnit Unit { get; init; } = OffsetUnit.Day;
    public int WindowDays { get; init; } = 2;
    public string? ScriptKey { get; init; }
    public List<JsonElement> Questions { get; init; } = [];
    public List<PresetTrigger> Triggers { get; init; } = [];
    public List<ChannelInput>? Channels { get; init; }
}

public sealed class PresetTrigger
{
    public required string Question { get; init; }

    [JsonPropertyName("op")]
    public TriggerOperator Operator { get; init; }
    public required string Value { get; init; }
    public TriggerSeverity Severity { get; init; } = TriggerSeverity.Abnormal;
    public required string Description { get; init; }
}

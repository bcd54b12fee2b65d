using Suifang.Core.Pathways;

namespace Suifang.Core.Tasks.Simulated;

/// One effect of the simulated channel (模拟通道): the stand-in for a call or an SMS, recorded once per effect key.
/// Replays counts how often the same key was presented again (a resumed task after a crash); the effect itself is not
/// repeated. StartedAt/EndedAt let tests check that one patient never had two effects at once.
public sealed class SimulatedEffect
{
    public required string EffectKey { get; set; }
    public long TaskId { get; set; }
    public long PatientId { get; set; }
    public int AttemptNumber { get; set; }
    public ChannelKind Channel { get; set; }
    public OutcomeKind Outcome { get; set; }
    public required string Summary { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public int Replays { get; set; }
}

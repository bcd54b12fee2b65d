using Suifang.Agent.Dialogue;
using Suifang.Agent.Telephony;

namespace Suifang.Integrations.Telephony.Simulated;

/// An answered simulated call: the agent's turns go to the virtual patient as text, the patient's replies come back as
/// recognised text (with ASR-like character errors at the network's rate) or key presses. Not recorded.
internal sealed class SimulatedPhoneCall(VirtualPatient patient, SimulatedPacing pacing, Random random, double asrErrorRate = 0,
    Random? noise = null) : IPhoneCall
{
    private PatientInput? _reply;

    public bool HungUp { get; private set; }

    public string? RecordingPath => null;

    public async Task SayAsync(AgentTurn turn, CancellationToken ct)
    {
        await pacing.SpeakAsync(turn.Say, ct);
        if (turn.EndsCall)
        {
            _reply = null;
            return;
        }
        _reply = patient.Hear(turn);
        if (_reply is null)
            HungUp = true;
    }

    public async Task<PatientInput> ListenAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (HungUp || _reply is null)
            return PatientInput.Silence;
        await pacing.ThinkAsync(random, ct);
        var reply = _reply;
        _reply = null;
        return noise is null || reply.Text is not { } text ? reply : reply with { Text = AsrNoise.Apply(text, asrErrorRate, noise) };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using Suifang.Agent.Dialogue;
using Suifang.Agent.Telephony;

namespace Suifang.Integrations.Tests.Calls;

/// An answered call whose caller replies from a list (then stays silent), and keeps what the agent said. With
/// blockAfter set, the caller's turn after that many replies never comes (the node stops mid-call).
internal sealed class ScriptedPhoneCall(params PatientInput[] replies) : IPhoneCall
{
    private int _next;

    public List<AgentTurn> Heard { get; } = [];
    public int? BlockAfter { get; init; }
    public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public bool HungUp { get; private set; }
    public string? RecordingPath => null;

    public Task SayAsync(AgentTurn turn, CancellationToken ct)
    {
        Heard.Add(turn);
        if (turn.EndsCall)
            HungUp = true;
        return Task.CompletedTask;
    }

    public async Task<PatientInput> ListenAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (BlockAfter is { } block && _next >= block)
        {
            Blocked.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }
        return _next < replies.Length ? replies[_next++] : PatientInput.Silence;
    }

    public ValueTask DisposeAsync()
    {
        HungUp = true;
        return ValueTask.CompletedTask;
    }
}

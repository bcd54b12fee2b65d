using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks.Simulated;

namespace Suifang.Core.Tasks.Engine;

/// The channel for each kind: a real one when registered, else the simulated channel (模拟通道).
public sealed class TaskChannelSet
{
    private readonly Dictionary<ChannelKind, ITaskChannel> _byKind;

    public TaskChannelSet(IEnumerable<ITaskChannel> registered, Func<ChannelKind, ITaskChannel> simulated)
    {
        _byKind = [];
        foreach (var channel in registered.Where(c => c is not SimulatedChannel))
            _byKind.TryAdd(channel.Kind, channel);
        foreach (var kind in Enum.GetValues<ChannelKind>())
            _byKind.TryAdd(kind, simulated(kind));
    }

    public ITaskChannel For(ChannelKind kind) => _byKind[kind];

    public bool IsSimulated(ChannelKind kind) => _byKind[kind] is SimulatedChannel;
}

/// The default gate when the contact rules module has not registered one: every contact is allowed.
public sealed class AllowAllContactGate : IContactGate
{
    public Task<ContactDecision> CheckAsync(SuifangDbContext db, FollowUpTask task, DateTime now, CancellationToken ct) =>
        Task.FromResult(ContactDecision.Allow);
}

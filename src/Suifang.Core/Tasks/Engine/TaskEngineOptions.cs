namespace Suifang.Core.Tasks.Engine;

/// The task engine's settings (section "Tasks"). Lines and policies are per queue in the database (TaskQueueSetting).
public sealed class TaskEngineOptions
{
    public const string Section = "Tasks";

    /// Run the dispatcher on this node. Several nodes may run it against one PostgreSQL database.
    public bool DispatcherEnabled { get; set; } = true;

    /// How long a lease lasts; a running effect renews it. A node that dies loses its leases after this.
    public int LeaseSeconds { get; set; } = 60;

    /// How often the dispatcher looks for due tasks when it is idle.
    public int PollMilliseconds { get; set; } = 500;

    /// How often due-time promotion and the reaper run inside the dispatcher.
    public int MaintenanceSeconds { get; set; } = 5;

    /// The most tasks one lease takes.
    public int BatchSize { get; set; } = 50;

    /// The simulated channel's pretend duration of one effect, in milliseconds (0 = at once).
    public int SimulatedEffectMilliseconds { get; set; }
}

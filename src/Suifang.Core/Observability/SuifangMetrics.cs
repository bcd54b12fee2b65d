using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Suifang.Core.Observability;

/// The platform's own metrics and traces (OpenTelemetry meter and activity source "Suifang").
public static class SuifangMetrics
{
    public const string Name = "Suifang";

    private static readonly Meter Meter = new(Name, "1.0");

    public static readonly ActivitySource Activities = new(Name);

    public static readonly Counter<long> AuditEntries =
        Meter.CreateCounter<long>("suifang.audit.entries", "{entry}", "Audit entries appended to the hash chain");

    public static readonly Counter<long> PatientRows =
        Meter.CreateCounter<long>("suifang.patients.rows", "{row}", "Patient records written, by source and outcome");

    public static readonly Counter<long> RejectedRows =
        Meter.CreateCounter<long>("suifang.patients.rejected", "{row}", "Patient records refused by validation, by source");

    public static readonly Counter<long> Logins =
        Meter.CreateCounter<long>("suifang.accounts.logins", "{login}", "Login attempts, by outcome");

    public static readonly Counter<long> TaskTransitions =
        Meter.CreateCounter<long>("suifang.tasks.transitions", "{transition}", "Task state changes, by queue and new state");

    public static readonly Counter<long> TaskEffects =
        Meter.CreateCounter<long>("suifang.tasks.effects", "{effect}", "Channel effects (calls, SMS) carried out, by queue and outcome");

    public static readonly Histogram<double> TaskLeaseMilliseconds =
        Meter.CreateHistogram<double>("suifang.tasks.lease.duration", "ms", "Time of one lease of due tasks, by queue");
    public static readonly Counter<long> PlansCreated =
        Meter.CreateCounter<long>("suifang.plans.created", "{plan}", "Follow-up plans created (by rule or by hand)");
}

using System.Diagnostics.Metrics;

namespace Suifang.Integrations.Calls;

/// Metrics of the AI call channel (OpenTelemetry meter "Suifang.Calls"); the calls bench reads the turn histogram.
public static class CallMetrics
{
    public const string Name = "Suifang.Calls";
    private static readonly Meter Meter = new(Name, "1.0");

    /// From the patient's input to the agent's reply being stored and ready to say (understanding, dialogue, storage).
    public static readonly Histogram<double> TurnMilliseconds =
        Meter.CreateHistogram<double>("suifang.calls.turn", "ms", "Processing time of one call turn (listen → next say)");

    public static readonly UpDownCounter<long> ActiveCalls =
        Meter.CreateUpDownCounter<long>("suifang.calls.active", "{call}", "Calls answered and still talking on this node");
}

using System.ComponentModel.DataAnnotations;
using Suifang.Core.Alerts;

namespace Suifang.Web.Alerts;

/// Alerts (预警) settings, section "Alerts".
internal sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// The background dispatcher, watcher and result reader run in this process (off for hosts that only serve pages).
    public bool Enabled { get; set; } = true;

    /// How often the watcher looks for new critical to-dos to show on screen (milliseconds).
    [Range(50, 10_000)]
    public int WatchIntervalMs { get; set; } = 250;

    /// How often new to-dos are assigned and texted, and new results read for critical values and trends (ms).
    [Range(50, 60_000)]
    public int DispatchIntervalMs { get; set; } = 250;

    /// Limits for values the patient states, by result key; the defaults are in CriticalValues.Defaults.
    public Dictionary<string, CriticalLimit> CriticalValues { get; set; } = [];

    public IReadOnlyDictionary<string, CriticalLimit> Limits()
    {
        var limits = Core.Alerts.CriticalValues.Defaults();
        foreach (var (key, limit) in CriticalValues)
            limits[key] = limit;
        return limits;
    }
}

namespace Suifang.Web.Alerts;

/// Marker for AlertsText.resx: the words of the alert banner and the duty, load and tuning pages.
public sealed class AlertsText;

namespace Suifang.Web.Statistics;

/// Marker for StatisticsText.resx: the words of the statistics and outbound batch pages.
public sealed class StatisticsText;

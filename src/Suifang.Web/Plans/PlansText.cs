namespace Suifang.Web.Plans;

/// Marker for PlansText.resx: the words of the follow-up plan pages.
public sealed class PlansText;

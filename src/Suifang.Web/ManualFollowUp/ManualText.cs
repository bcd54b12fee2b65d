namespace Suifang.Web.ManualFollowUp;

/// Marker for ManualText.resx: the words of the manual follow-up pages.
public sealed class ManualText;

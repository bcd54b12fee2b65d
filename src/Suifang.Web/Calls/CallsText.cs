namespace Suifang.Web.Calls;

/// Marker for CallsText.resx: the words of the call pages.
public sealed class CallsText;

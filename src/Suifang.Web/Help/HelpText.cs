namespace Suifang.Web.Help;

/// Marker for HelpText.resx: the words of the help centre pages.
public sealed class HelpText;

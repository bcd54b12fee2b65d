namespace Suifang.Web.Pathways;

/// Marker for PathwaysText.resx: the words of the pathway list and the visual editor.
public sealed class PathwaysText;

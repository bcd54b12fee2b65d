namespace Suifang.Web.Scripts;

/// Marker for ScriptsText.resx: the words of the script list, editor and test console.
public sealed class ScriptsText;

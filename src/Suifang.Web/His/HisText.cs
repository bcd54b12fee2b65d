namespace Suifang.Web.His;

/// Marker for HisText.resx: the words of the HIS sync page.
public sealed class HisText;

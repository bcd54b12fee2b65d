namespace Suifang.Web.Localization;

/// Marker for the words shared by every page (CommonText.resx). Each feature folder has its own text class.
public sealed class CommonText;

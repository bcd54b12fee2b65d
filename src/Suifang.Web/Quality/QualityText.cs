namespace Suifang.Web.Quality;

/// Marker for QualityText.resx: the words of the quality-control pages.
public sealed class QualityText;

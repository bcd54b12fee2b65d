namespace Suifang.Web.Speech;

/// Marker for SpeechText.resx: the words of the speech and language model settings page.
public sealed class SpeechText;

namespace Suifang.Integrations.Speech;

/// A speech provider failed; the message is Chinese and says what is wrong and how to fix it.
internal sealed class SpeechProviderException(string message, Exception? inner = null) : Exception(message, inner);

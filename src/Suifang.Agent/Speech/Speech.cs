namespace Suifang.Agent.Speech;

/// <summary>Audio as the phone line carries it.</summary>
/// <param name="Wav">A complete RIFF WAV file.</param>
public sealed record SpeechAudio(byte[] Wav, int SampleRate, TimeSpan Duration);

/// <summary>Text to speech (TTS). The offline default is espeak-ng; iFlytek and OpenAI-compatible servers are adapters.</summary>
public interface ITextToSpeech
{
    /// <summary>Name shown in settings and kept with recordings, e.g. "espeak-ng cmn-latn-pinyin".</summary>
    string Name { get; }

    /// <summary>Speaks <paramref name="text"/> as 8 kHz mono telephone WAV; <paramref name="slow"/> for repeats.</summary>
    Task<SpeechAudio> SynthesizeAsync(string text, bool slow, CancellationToken ct);
}

/// <summary>Speech to text (ASR).</summary>
public interface ISpeechToText
{
    /// <summary>Name shown in settings and kept with transcripts.</summary>
    string Name { get; }

    /// <summary>Recognises Mandarin in <paramref name="audio"/>; empty text when nothing was said.</summary>
    Task<Transcription> TranscribeAsync(SpeechAudio audio, CancellationToken ct);
}

/// <summary>Recognised text with the recogniser's confidence (0–1, null when the provider gives none).</summary>
public sealed record Transcription(string Text, double? Confidence);

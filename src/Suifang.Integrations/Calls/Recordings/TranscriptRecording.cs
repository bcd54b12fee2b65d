using System.Buffers.Binary;
using Suifang.Agent.Speech;
using Suifang.Core.Calls;
using Suifang.Integrations.Speech;

namespace Suifang.Integrations.Calls.Recordings;

/// A simulated call's recording, rendered from its timestamped transcript (5.1.7): the agent's turns in the configured
/// TTS voice, the patient's in another voice, key presses as DTMF tones, and the pauses between the turns — one 8 kHz
/// mono 16-bit WAV. A turn starts at its offset in the transcript or, when the simulated network ran without pacing
/// (offsets near zero), after the previous turn with a natural pause; a silent patient turn is a silence as long as
/// the agent listened (at least two seconds).
internal sealed class TranscriptRecording(ITextToSpeech agent, ITextToSpeech patient)
{
    public const int Rate = TelephoneWav.Rate;
    private const int AnswerPauseMs = 700;
    private const int ReplyPauseMs = 400;
    private const int MaxSeconds = 20 * 60;

    public async Task<SpeechAudio> RenderAsync(IReadOnlyList<CallTurn> turns, CancellationToken ct)
    {
        var samples = new List<short>(Rate * 60);
        var cursorMs = 0;
        foreach (var turn in turns.OrderBy(t => t.Index))
        {
            var audio = await SoundOfAsync(turn, ct);
            var lengthMs = audio.Length * 1000 / Rate;
            var pauseMs = turn.Index == 0 ? 300 : turn.Speaker == Speaker.Patient ? AnswerPauseMs : ReplyPauseMs;
            // The transcript's own timing wins when it leaves more room: an agent turn starts when it was said, a
            // patient's utterance ends when it was heard.
            var startMs = Math.Max(cursorMs + pauseMs, turn.Speaker == Speaker.Agent ? turn.StartMs : turn.EndMs - lengthMs);
            if (startMs + lengthMs > MaxSeconds * 1000)
                break;
            Pad(samples, startMs);
            samples.AddRange(audio);
            cursorMs = startMs + lengthMs;
        }
        Pad(samples, cursorMs + 500);
        var pcm = new byte[samples.Count * 2];
        for (var i = 0; i < samples.Count; i++)
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2), samples[i]);
        return TelephoneWav.FromPcm(pcm);
    }

    private async Task<short[]> SoundOfAsync(CallTurn turn, CancellationToken ct)
    {
        var text = turn.Text.Trim();
        if (text.Length > 0)
        {
            var voice = turn.Speaker == Speaker.Agent ? agent : patient;
            return Samples(await voice.SynthesizeAsync(text, slow: false, ct));
        }
        if (!string.IsNullOrEmpty(turn.Dtmf))
            return Dtmf.Tones(turn.Dtmf);
        var listenedMs = Math.Clamp(turn.EndMs - turn.StartMs, 2000, 8000);
        return new short[listenedMs * Rate / 1000];
    }

    private static short[] Samples(SpeechAudio audio)
    {
        var telephone = audio.SampleRate == Rate ? audio : TelephoneWav.ToTelephone(audio.Wav);
        var (_, _, pcm) = TelephoneWav.Read(telephone.Wav);
        var samples = new short[pcm.Length / 2];
        for (var i = 0; i < samples.Length; i++)
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm.Span[(i * 2)..]);
        return samples;
    }

    private static void Pad(List<short> samples, int untilMs)
    {
        var until = (long)untilMs * Rate / 1000;
        while (samples.Count < until)
            samples.Add(0);
    }
}

/// DTMF key tones (ITU-T Q.23): a row and a column frequency per key, 120 ms on and 80 ms off.
internal static class Dtmf
{
    private static readonly int[] Rows = [697, 770, 852, 941];
    private static readonly int[] Columns = [1209, 1336, 1477, 1633];
    private const string Keys = "123A456B789C*0#D";

    public static short[] Tones(string digits)
    {
        var on = TranscriptRecording.Rate * 120 / 1000;
        var off = TranscriptRecording.Rate * 80 / 1000;
        var samples = new List<short>();
        foreach (var key in digits.ToUpperInvariant())
        {
            var at = Keys.IndexOf(key, StringComparison.Ordinal);
            if (at < 0)
                continue;
            double low = Rows[at / 4], high = Columns[at % 4];
            for (var i = 0; i < on; i++)
            {
                var t = (double)i / TranscriptRecording.Rate;
                samples.Add((short)(6000 * (Math.Sin(2 * Math.PI * low * t) + Math.Sin(2 * Math.PI * high * t))));
            }
            samples.AddRange(new short[off]);
        }
        return [.. samples];
    }
}

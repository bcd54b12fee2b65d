namespace Suifang.Integrations.Telephony.Sip.Audio;

/// Energy-based voice activity detection over 20 ms frames of the patient's audio: speech starts after
/// <see cref="StartFrames"/> loud frames, ends after <paramref name="endSilence"/> of quiet (0.5–0.8 s is usual;
/// longer suits elderly speakers). The threshold follows the line's noise floor, never below <paramref name="minRms"/>.
internal sealed class SpeechEndpointer(TimeSpan endSilence, TimeSpan maxUtterance, double minRms = 300)
{
    public const int FrameSamples = 160;
    private const int StartFrames = 4;
    private const int PreRollFrames = 10;

    private readonly int endFrames = Math.Max(1, (int)(endSilence.TotalMilliseconds / 20));
    private readonly int maxFrames = Math.Max(1, (int)(maxUtterance.TotalMilliseconds / 20));
    private readonly List<short> utterance = [];
    private readonly Queue<short[]> preRoll = new();
    private readonly List<short> pending = [];
    private double noiseRms = 50;
    private int loudRun;
    private int quietRun;
    private int speechFrames;

    /// The patient is speaking (speech started, its end not yet seen).
    public bool InSpeech { get; private set; }

    /// How long the utterance in progress has lasted.
    public int SpeechMilliseconds => InSpeech ? speechFrames * 20 : 0;

    /// Frames consumed so far (20 ms each).
    public long Frames { get; private set; }

    /// Feeds audio; returns a finished utterance (with a little audio before it) once its end is seen.
    public short[]? Push(ReadOnlySpan<short> samples)
    {
        pending.AddRange(samples);
        var offset = 0;
        short[]? finished = null;
        while (finished is null && pending.Count - offset >= FrameSamples)
        {
            var frame = pending.GetRange(offset, FrameSamples).ToArray();
            offset += FrameSamples;
            finished = PushFrame(frame);
        }
        pending.RemoveRange(0, offset);
        return finished;
    }

    /// What was heard of an utterance still in progress (when listening must stop early).
    public short[]? Flush() => InSpeech && speechFrames >= StartFrames ? [.. utterance] : null;

    private short[]? PushFrame(short[] frame)
    {
        Frames++;
        var rms = Rms(frame);
        var loud = rms > Math.Max(minRms, noiseRms * 4);
        if (!InSpeech)
        {
            preRoll.Enqueue(frame);
            if (preRoll.Count > PreRollFrames)
                preRoll.Dequeue();
            loudRun = loud ? loudRun + 1 : 0;
            if (!loud)
                noiseRms = noiseRms * 0.95 + rms * 0.05;
            if (loudRun < StartFrames)
                return null;
            InSpeech = true;
            utterance.Clear();
            foreach (var f in preRoll)
                utterance.AddRange(f);
            preRoll.Clear();
            speechFrames = loudRun;
            quietRun = 0;
            return null;
        }
        utterance.AddRange(frame);
        speechFrames++;
        quietRun = loud ? 0 : quietRun + 1;
        if (quietRun < endFrames && speechFrames < maxFrames)
            return null;
        InSpeech = false;
        loudRun = 0;
        var result = utterance.ToArray();
        utterance.Clear();
        return result;
    }

    private static double Rms(ReadOnlySpan<short> frame)
    {
        double sum = 0;
        foreach (var s in frame)
            sum += (double)s * s;
        return Math.Sqrt(sum / frame.Length);
    }
}

namespace Suifang.Integrations.Telephony.Sip.Audio;

/// What a carrier's early media (the audio before answer) says about an unreachable number.
internal enum EarlyMediaTone
{
    None,
    /// Special-information tones (SIT, ≈ 914/985 → 1371/1429 → 1777 Hz) before an announcement.
    SpecialInformation,
    /// SIT whose first tone is the high one (985 Hz): "vacant code", an unallocated number.
    SpecialInformationVacant,
    /// China's busy tone: 450 Hz, 0.35 s on / 0.35 s off.
    Busy,
    /// China's congestion tone: 450 Hz, 0.7 s on / 0.7 s off.
    Congestion,
}

/// Goertzel filters over 40 ms frames of 8 kHz audio: which single tone, if any, dominates each frame, then the
/// sequences (SIT triplet) and cadences (450 Hz on/off) those frames form.
internal static class ToneDetector
{
    private const int Frame = 320;
    private const double FrameSeconds = Frame / (double)Wav.LineRate;
    private static readonly double[] Frequencies = [450, 913.8, 985.2, 1370.6, 1428.5, 1776.7];

    public static EarlyMediaTone Classify(ReadOnlySpan<short> samples)
    {
        var labels = Label(samples);
        var sit = FindSit(labels);
        if (sit != EarlyMediaTone.None)
            return sit;
        return FindCadence(labels);
    }

    /// The dominant frequency of each frame (0 = none or silence).
    public static double[] Label(ReadOnlySpan<short> samples)
    {
        var labels = new double[samples.Length / Frame];
        for (var f = 0; f < labels.Length; f++)
        {
            var frame = samples.Slice(f * Frame, Frame);
            double energy = 0;
            foreach (var s in frame)
                energy += (double)s * s;
            if (energy / Frame < 100 * 100)
                continue;
            foreach (var frequency in Frequencies)
            {
                if (Goertzel(frame, frequency) / (energy * Frame / 2) > 0.6)
                {
                    labels[f] = frequency;
                    break;
                }
            }
        }
        return labels;
    }

    public static double Goertzel(ReadOnlySpan<short> frame, double frequency)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / Wav.LineRate);
        double s1 = 0, s2 = 0;
        foreach (var x in frame)
        {
            var s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }

    private static List<(double Frequency, double Seconds)> Runs(double[] labels)
    {
        var runs = new List<(double, double)>();
        for (var i = 0; i < labels.Length;)
        {
            var j = i;
            while (j < labels.Length && labels[j] == labels[i])
                j++;
            runs.Add((labels[i], (j - i) * FrameSeconds));
            i = j;
        }
        return runs;
    }

    private static EarlyMediaTone FindSit(double[] labels)
    {
        // Tone runs of at least 0.2 s (SIT segments last 276 or 380 ms); gaps of one frame between them are tolerated.
        var tones = Runs(labels).Where(r => r.Frequency is > 900 and < 1800 && r.Seconds >= 0.19).Select(r => r.Frequency).ToList();
        for (var i = 0; i + 2 < tones.Count; i++)
        {
            if (tones[i] is 913.8 or 985.2 && tones[i + 1] is 1370.6 or 1428.5 && tones[i + 2] == 1776.7)
                return tones[i] == 985.2 ? EarlyMediaTone.SpecialInformationVacant : EarlyMediaTone.SpecialInformation;
        }
        return EarlyMediaTone.None;
    }

    private static EarlyMediaTone FindCadence(double[] labels)
    {
        var runs = Runs(labels);
        int busy = 0, congestion = 0;
        for (var i = 0; i + 1 < runs.Count; i++)
        {
            if (runs[i].Frequency != 450 || runs[i + 1].Frequency != 0)
                continue;
            var (on, off) = (runs[i].Seconds, runs[i + 1].Seconds);
            if (Near(on, 0.35) && Near(off, 0.35))
                busy++;
            else if (Near(on, 0.7) && Near(off, 0.7))
                congestion++;
        }
        return busy >= 2 ? EarlyMediaTone.Busy : congestion >= 2 ? EarlyMediaTone.Congestion : EarlyMediaTone.None;
    }

    private static bool Near(double seconds, double expected) => Math.Abs(seconds - expected) <= 0.1;
}

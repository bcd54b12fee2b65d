using Suifang.Integrations.Telephony.Sip.Audio;

namespace Suifang.Integrations.Telephony.Sip;

/// baresip's sndfile module writes what a line sends (dump-…-enc.wav) and receives (dump-…-dec.wav), named to the
/// second. After each call the two are merged into one stereo WAV (left: the agent, right: the patient) named by the
/// call's EffectKey (standard 5.1.7), so two calls in the same second never collide.
internal static class CallRecording
{
    public static string? FindReceived(string dumpFolder) => Find(dumpFolder, "*-dec.wav");

    public static string? FindSent(string dumpFolder) => Find(dumpFolder, "*-enc.wav");

    private static string? Find(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal).LastOrDefault() : null;

    /// Merges the line's dumps into &lt;recordings&gt;/&lt;effect key&gt;.wav, deletes the dumps and returns the path
    /// (null when nothing was recorded).
    public static string? Keep(string dumpFolder, string recordingsFolder, string effectKey)
    {
        var sent = FindSent(dumpFolder);
        var received = FindReceived(dumpFolder);
        if (sent is null && received is null)
            return null;
        var agent = sent is null ? [] : Wav.ReadFile(sent).Samples;
        var patient = received is null ? [] : Wav.ReadFile(received).Samples;
        Directory.CreateDirectory(recordingsFolder);
        var path = FreePath(recordingsFolder, FileName(effectKey));
        File.WriteAllBytes(path, Wav.WriteStereo(agent, patient));
        Clear(dumpFolder);
        return path;
    }

    /// Removes what a previous call (or a crashed process) left in the dump folder.
    public static void Clear(string dumpFolder)
    {
        if (!Directory.Exists(dumpFolder))
            return;
        foreach (var file in Directory.GetFiles(dumpFolder, "dump-*.wav"))
            File.Delete(file);
    }

    public static string FileName(string effectKey)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var name = new string(effectKey.Select(c => invalid.Contains(c) || c is '\\' or ':' ? '_' : c).ToArray()).Trim('.', ' ');
        return name.Length == 0 ? "call" : name;
    }

    private static string FreePath(string folder, string name)
    {
        var path = Path.Combine(folder, name + ".wav");
        for (var n = 2; File.Exists(path); n++)
            path = Path.Combine(folder, $"{name}-{n}.wav");
        return path;
    }
}

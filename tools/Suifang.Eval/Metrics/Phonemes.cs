using System.Diagnostics;

namespace Suifang.Eval.Metrics;

/// Mandarin phonemes from espeak-ng (G2P for PER, 6.4 b). The voice is cmn-latn-pinyin — the one the product speaks
/// with — because plain `-v cmn` reads many characters as English letter names. Phonemes are espeak's symbols
/// (`-x --sep=" "`), tone digits kept on the vowel, so a wrong tone counts as a substitution; stress marks and
/// pause markers are dropped.
internal sealed class Phonemes(string executable = "espeak-ng", string voice = "cmn-latn-pinyin")
{
    public string Voice => voice;

    /// True when espeak-ng can be started.
    public bool Available()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(executable, "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            p!.WaitForExit(10_000);
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public IReadOnlyList<string> Of(string text)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", voice, "-q", "-x", "--sep= ", text }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit(15_000);
        return Parse(output);
    }

    /// Splits espeak's `-x --sep=" "` output into phonemes.
    public static IReadOnlyList<string> Parse(string output) =>
        output.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Replace("'", "").Replace(",", "").Replace("_|", "").Replace("_", ""))
            .Where(t => t.Length > 0).ToList();
}

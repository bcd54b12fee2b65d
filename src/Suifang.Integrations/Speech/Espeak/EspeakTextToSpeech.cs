using System.ComponentModel;
using System.Diagnostics;
using Suifang.Agent.Speech;

namespace Suifang.Integrations.Speech.Espeak;

/// The offline default: espeak-ng speaks the text (voice cmn-latn-pinyin), sox turns its 22 kHz output into 8 kHz
/// mono 16-bit telephone audio. The text goes in on standard input, never on a command line.
internal sealed class EspeakTextToSpeech(EspeakOptions options) : ITextToSpeech
{
    private Task? _voiceChecked;

    public string Name => $"espeak-ng {options.Voice}";

    /// What changes the sound; part of the prompt cache key.
    public string Voice => $"espeak-ng/{options.Voice}/{options.Rate}/{options.SlowRate}" + (Variant is null && options.Pitch is null ? "" : $"/{Variant}/{options.Pitch}");

    private string? Variant => string.IsNullOrWhiteSpace(options.Variant) ? null : options.Variant.Trim();

    public async Task<SpeechAudio> SynthesizeAsync(string text, bool slow, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        await (_voiceChecked ??= CheckVoiceAsync());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        string[] pitch = options.Pitch is { } p ? ["-p", Math.Clamp(p, 0, 99).ToString(System.Globalization.CultureInfo.InvariantCulture)] : [];
        using var espeak = Start(options.Executable, ["-v", Variant is null ? options.Voice : options.Voice + "+" + Variant,
            "-s", (slow ? options.SlowRate : options.Rate).ToString(), .. pitch, "--stdin", "--stdout"]);
        using var sox = Start(options.Sox, ["-G", "-t", "wav", "-", "-t", "raw", "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", "-"]);
        try
        {
            var feed = Task.Run(async () =>
            {
                await espeak.StandardInput.WriteAsync(text.AsMemory(), timeout.Token);
                espeak.StandardInput.Close();
            }, timeout.Token);
            var pipe = Task.Run(async () =>
            {
                await espeak.StandardOutput.BaseStream.CopyToAsync(sox.StandardInput.BaseStream, timeout.Token);
                sox.StandardInput.Close();
            }, timeout.Token);
            var errors = Task.WhenAll(espeak.StandardError.ReadToEndAsync(timeout.Token), sox.StandardError.ReadToEndAsync(timeout.Token));
            using var pcm = new MemoryStream();
            await sox.StandardOutput.BaseStream.CopyToAsync(pcm, timeout.Token);
            await Task.WhenAll(feed, pipe);
            await Task.WhenAll(espeak.WaitForExitAsync(timeout.Token), sox.WaitForExitAsync(timeout.Token));
            var messages = await errors;
            if (espeak.ExitCode != 0 || sox.ExitCode != 0 || pcm.Length == 0)
                throw new SpeechProviderException(
                    $"espeak-ng 合成失败（espeak-ng 退出码 {espeak.ExitCode}，sox 退出码 {sox.ExitCode}）：{string.Join(" ", messages).Trim()}。请确认已安装 espeak-ng 和 sox，且语音 {options.Voice} 可用（espeak-ng --voices=cmn）。");
            return TelephoneWav.FromPcm(pcm.GetBuffer().AsSpan(0, (int)pcm.Length));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SpeechProviderException($"espeak-ng 在 {options.TimeoutSeconds} 秒内没有合成完，服务器可能太忙；可调大 Speech:Espeak:TimeoutSeconds。");
        }
        finally
        {
            Stop(espeak);
            Stop(sox);
        }
    }

    /// espeak-ng falls back to its default (English) voice without a word when the voice is unknown; so look first.
    private async Task CheckVoiceAsync()
    {
        using var list = Start(options.Executable, ["--voices"]);
        list.StandardInput.Close();
        var voices = await list.StandardOutput.ReadToEndAsync();
        await list.WaitForExitAsync();
        var known = voices.Split('\n').Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 5)
            .SelectMany(f => new[] { f[1], f[4], Path.GetFileName(f[4]) });
        if (!known.Contains(options.Voice, StringComparer.OrdinalIgnoreCase))
        {
            _voiceChecked = null;
            throw new SpeechProviderException(
                $"espeak-ng 没有语音“{options.Voice}”，会改用英语朗读。普通话请把 Speech:Espeak:Voice 设为 cmn-latn-pinyin；可用 espeak-ng --voices=cmn 查看已安装的语音。");
        }
    }

    private static Process Start(string file, string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        try
        {
            return Process.Start(info) ?? throw new SpeechProviderException($"无法启动 {file}。");
        }
        catch (Win32Exception e)
        {
            throw new SpeechProviderException($"找不到 {file}：离线语音合成需要 Debian 软件包 espeak-ng 和 sox（apt-get install espeak-ng sox），或在 Speech:Espeak 中写明程序路径。", e);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Not started or already gone.
        }
    }
}

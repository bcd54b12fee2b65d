using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Suifang.Integrations.Telephony.Sip;

/// How one baresip process is set up: its own config folder, SIP port (baresip also binds TLS on SipPort + 1),
/// control port, RTP port range, what it plays by default, and where it records (null: no recording).
/// <param name="Account">The accounts-file line, e.g. &lt;sip:line1@127.0.0.1:5060&gt;;regint=0;audio_codecs=pcmu</param>
internal sealed record BaresipSetup(
    string BaresipPath, string ModulePath, string ConfigFolder, string ListenAddress, int SipPort, int ControlPort,
    int RtpMin, int RtpMax, string AudioSource, string? RecordingFolder, string Account);

/// A running baresip process driven over ctrl_tcp. Dispose kills it; processes still alive when the host exits are
/// killed too.
internal sealed class BaresipInstance : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process process;
    private readonly StringBuilder log = new();

    static BaresipInstance()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var p in Running.Values)
                Kill(p);
        };
    }

    private BaresipInstance(BaresipSetup setup, Process process)
    {
        Setup = setup;
        this.process = process;
    }

    public BaresipSetup Setup { get; }

    public BaresipControl Control { get; private set; } = null!;

    public bool HasExited => process.HasExited;

    /// The last lines baresip printed (for error messages).
    public string Log
    {
        get
        {
            lock (log)
                return log.ToString();
        }
    }

    public static async Task<BaresipInstance> StartAsync(BaresipSetup setup, CancellationToken ct)
    {
        WriteConfig(setup);
        var start = new ProcessStartInfo(setup.BaresipPath)
        {
            ArgumentList = { "-f", setup.ConfigFolder },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BaresipException($"无法启动 baresip（{setup.BaresipPath}）。");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BaresipException($"找不到或无法运行 baresip（{setup.BaresipPath}）：{e.Message}。请安装 Debian 软件包 baresip，或在 Telephony:Sip:BaresipPath 中填写其路径。");
        }
        Running[process.Id] = process;
        var instance = new BaresipInstance(setup, process);
        process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            instance.Control = await BaresipControl.ConnectAsync(setup.ControlPort, TimeSpan.FromSeconds(10), () => !process.HasExited, ct);
            return instance;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or TimeoutException or BaresipException)
        {
            await instance.DisposeAsync();
            throw new BaresipException($"baresip 未能启动（SIP 端口 {setup.SipPort}，控制端口 {setup.ControlPort}；端口可能已被占用）：{LastLines(instance.Log)}");
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (log)
        {
            if (log.Length > 8000)
                log.Remove(0, 4000);
            log.AppendLine(line);
        }
    }

    private static string LastLines(string text) =>
        string.Join(" / ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Replace("\u001b[31m", "", StringComparison.Ordinal).Replace("\u001b[;m", "", StringComparison.Ordinal))
            .Where(l => !l.StartsWith("Populated", StringComparison.Ordinal)).TakeLast(4));

    private static void WriteConfig(BaresipSetup s)
    {
        Directory.CreateDirectory(s.ConfigFolder);
        var config = new StringBuilder()
            .AppendLine("poll_method epoll")
            .AppendLine(CultureInfo.InvariantCulture, $"sip_listen {s.ListenAddress}:{s.SipPort}")
            .AppendLine(CultureInfo.InvariantCulture, $"net_interface {s.ListenAddress}")
            .AppendLine(CultureInfo.InvariantCulture, $"audio_source {s.AudioSource}")
            .AppendLine("audio_player")
            .AppendLine("audio_alert")
            .AppendLine("ausrc_srate 8000")
            .AppendLine("ausrc_channels 1")
            .AppendLine(CultureInfo.InvariantCulture, $"rtp_ports {s.RtpMin}-{s.RtpMax}")
            .AppendLine(CultureInfo.InvariantCulture, $"module_path {s.ModulePath}")
            .AppendLine("module g711.so")
            .AppendLine("module aufile.so");
        if (s.RecordingFolder is not null)
        {
            Directory.CreateDirectory(s.RecordingFolder);
            config.AppendLine("module sndfile.so").AppendLine(CultureInfo.InvariantCulture, $"snd_path {s.RecordingFolder}");
        }
        config.AppendLine("module_tmp account.so")
            .AppendLine("module_app menu.so")
            .AppendLine("module_app ctrl_tcp.so")
            .AppendLine(CultureInfo.InvariantCulture, $"ctrl_tcp_listen 127.0.0.1:{s.ControlPort}");
        File.WriteAllText(Path.Combine(s.ConfigFolder, "config"), config.ToString());
        File.WriteAllText(Path.Combine(s.ConfigFolder, "accounts"), s.Account + "\n");
        File.WriteAllText(Path.Combine(s.ConfigFolder, "contacts"), "");
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Control is not null)
            await Control.DisposeAsync();
        Kill(process);
        Running.TryRemove(process.Id, out _);
        process.Dispose();
    }
}

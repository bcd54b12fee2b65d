using System.Diagnostics;

namespace Suifang.Integrations.Tests.Telephony.Sip;

/// A fake carrier: SIPp (Debian package sip-tester) running one UAS scenario on loopback for one call.
internal sealed class FakeCarrier : IAsyncDisposable
{
    private readonly Process process;

    private FakeCarrier(Process process)
    {
        this.process = process;
        // Also when the test host exits without disposing (a crash or a cancelled run).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public static async Task<FakeCarrier> StartAsync(TestPorts ports, string folder, string scenarioXml)
    {
        Directory.CreateDirectory(folder);
        var scenario = Path.Combine(folder, "scenario.xml");
        await File.WriteAllTextAsync(scenario, scenarioXml);
        var start = new ProcessStartInfo("/usr/bin/sipp")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in new[] { "-sf", scenario, "-i", "127.0.0.1", "-p", ports.CarrierSip.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-mi", "127.0.0.1", "-mp", ports.CarrierMedia.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", "1", "-nostdin" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitListeningAsync(ports.CarrierSip, process);
        return new FakeCarrier(process);
    }

    /// SIPp listens on UDP; wait until its port is taken (binding it ourselves fails).
    private static async Task WaitListeningAsync(int port, Process process)
    {
        for (var i = 0; i < 200 && !process.HasExited; i++)
        {
            try
            {
                using var probe = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
            }
            catch (System.Net.Sockets.SocketException)
            {
                return;
            }
            await Task.Delay(20);
        }
        throw new InvalidOperationException("SIPp did not start listening.");
    }

    private void Kill()
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

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}

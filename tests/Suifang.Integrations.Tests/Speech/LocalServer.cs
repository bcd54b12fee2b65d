using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Suifang.Integrations.Tests.Speech;

/// A Kestrel server on 127.0.0.1 inside the test, for the fake providers.
internal static class LocalServer
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}

/// A clock set by the test (a skewed clock makes iFlytek refuse the signature).
internal sealed class SetClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// Collects log messages so tests can see what was logged.
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<string> Messages { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Messages)
            Messages.Add(formatter(state, exception));
    }
}

/// Test audio: tones as 16-bit PCM.
internal static class Tones
{
    public static byte[] Pcm(double seconds, int rate, double hz, int channels = 1)
    {
        var frames = (int)(seconds * rate);
        var pcm = new byte[frames * channels * 2];
        for (var i = 0; i < frames; i++)
        {
            var sample = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / rate));
            for (var c = 0; c < channels; c++)
                System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(((i * channels) + c) * 2), sample);
        }
        return pcm;
    }

    public static byte[] Wav(double seconds, int rate, double hz, int channels = 1)
    {
        var pcm = Pcm(seconds, rate, hz, channels);
        var wav = Suifang.Integrations.Speech.TelephoneWav.FromPcm(pcm, rate).Wav;
        // FromPcm writes mono headers; patch the channel count for multi-channel test files.
        System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), (short)channels);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), rate * channels * 2);
        System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), (short)(channels * 2));
        return wav;
    }

    /// Zero crossings per second / 2 ≈ the frequency of a pure tone.
    public static double Frequency(byte[] wav)
    {
        var (rate, _, pcm) = Suifang.Integrations.Speech.TelephoneWav.Read(wav);
        var samples = pcm.Length / 2;
        var crossings = 0;
        short previous = 0;
        for (var i = 0; i < samples; i++)
        {
            var s = System.Buffers.Binary.BinaryPrimitives.ReadInt16LittleEndian(pcm.Span[(i * 2)..]);
            if (i > 0 && (previous < 0) != (s < 0))
                crossings++;
            previous = s;
        }
        return crossings / 2.0 / ((double)samples / rate);
    }
}

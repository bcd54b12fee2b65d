using System.Diagnostics;

namespace Suifang.Bench;

/// Samples the process working set every 20 ms on a background thread and keeps the highest value seen.
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _peak;

    public MemorySampler()
    {
        _thread = new Thread(() =>
        {
            using var self = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                self.Refresh();
                _peak = Math.Max(_peak, self.WorkingSet64);
                Thread.Sleep(20);
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    public long PeakBytes => Interlocked.Read(ref _peak);

    public static long ProcessPeakBytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }
}

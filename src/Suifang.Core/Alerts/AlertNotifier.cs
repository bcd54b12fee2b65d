using System.Collections.Concurrent;

namespace Suifang.Core.Alerts;

/// What a signed-in page shows for a critical to-do: no phone, no ID number, the name masked.
public sealed record AlertNotice(long TodoId, int DepartmentId, string DepartmentName, string PatientMaskedName, string Reason,
    DateTime CreatedAt, string? AssignedToUserId);

/// 实时预警: the circuits of signed-in staff subscribe with their departments; the watcher publishes each new critical
/// to-do once to the subscribers of its department (7.2.5.1 a). Thread-safe singleton.
public sealed class AlertNotifier
{
    private readonly ConcurrentDictionary<Guid, Subscription> _subscribers = new();
    private readonly SemaphoreSlim _wake = new(0);

    public int SubscriberCount => _subscribers.Count;

    public IDisposable Subscribe(IReadOnlySet<int> departments, Func<AlertNotice, Task> onAlert)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = new Subscription(departments, onAlert);
        return new Unsubscriber(() => _subscribers.TryRemove(id, out _));
    }

    /// Hands the notice to every subscriber of its department; returns how many got it.
    public async Task<int> PublishAsync(AlertNotice notice)
    {
        var count = 0;
        foreach (var s in _subscribers.Values.Where(s => s.Departments.Contains(notice.DepartmentId)))
        {
            try
            {
                await s.OnAlert(notice);
                count++;
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
            {
                // A circuit that went away between the check and the call.
            }
        }
        return count;
    }

    /// Asks the watcher to look now (the dispatcher in this process just finished a to-do).
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
            _wake.Release();
    }

    public async Task WaitAsync(TimeSpan interval, CancellationToken ct)
    {
        try
        {
            await _wake.WaitAsync(interval, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed record Subscription(IReadOnlySet<int> Departments, Func<AlertNotice, Task> OnAlert);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Suifang.Core.Accounts;
using Suifang.Core.Alerts;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Sms;
using Suifang.Core.Todos;
using Suifang.Integrations.Sms;
using Suifang.Testing;

namespace Suifang.Bench;

/// alert-latency (7.2.5.1 a, issue #6 "a critical alert reaches the browser ≤ 1 s after the call ends"): a critical
/// to-do written as the call finishing writes it (own context, own transaction) → the real dispatcher loop (tuning,
/// assignment, SMS through the real outbox with the simulated provider) → the real watcher (id watermark, 250 ms) →
/// a subscriber of the notifier, as a circuit is. Prints p50/p95/max from the write's commit to the subscriber's call.
internal static class AlertLatencyBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var provider = args.Get("provider", "sqlite") == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var alerts = args.Int("alerts", 100);
        var interval = args.Int("interval-ms", 250);
        await using var h = await TestHospital.CreateAsync(provider);
        var nurse = await NurseOnDutyAsync(h);
        var patient = (await h.AddAsync(h.Patient().Named("王建国").DischargedOn(DateTime.Today.AddDays(-5), h.Cardiology.Id)))[0];

        var clock = () => DateTime.Now;
        using var rate = new SmsRateLimit(1000);
        var options = new SmsOptions();
        var policies = new ContactPolicies();
        var outbox = new SmsOutbox(h.Database.NewContext, new SmsDispatch(new SimulatedSmsProvider(), h.Protector, policies, options), policies, options, rate, clock);
        var notifier = new AlertNotifier();
        var dispatcher = new AlertDispatcher(h.Database.NewContext, outbox, clock) { Handled = _ => notifier.Wake() };
        var feed = new CriticalFeed(h.Database.NewContext, notifier, clock);
        await feed.StartAsync(CancellationToken.None);

        var written = new ConcurrentDictionary<long, long>();
        var latencies = new ConcurrentBag<double>();
        var received = new SemaphoreSlim(0);
        using var subscription = notifier.Subscribe(new HashSet<int> { h.Cardiology.Id }, n =>
        {
            if (written.TryGetValue(n.TodoId, out var t0))
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            received.Release();
            return Task.CompletedTask;
        });
        using var stop = new CancellationTokenSource();
        var loops = Task.WhenAll(
            Loop(async ct => await dispatcher.RunOnceAsync(ct), ct => Task.Delay(interval, ct), stop.Token),
            Loop(async ct => await feed.PollAsync(ct), ct => notifier.WaitAsync(TimeSpan.FromMilliseconds(interval), ct), stop.Token));

        var random = new Random(6);
        for (var i = 0; i < alerts; i++)
        {
            await Task.Delay(random.Next(0, interval * 2));
            await using (var db = h.Database.NewContext())
            {
                var todo = new TodoItem
                {
                    HospitalId = h.Hospital.Id, DepartmentId = h.Cardiology.Id, PatientId = patient.Id, Kind = TodoKind.Abnormal,
                    Urgency = TodoUrgency.Critical, Reason = "胸痛持续不缓解", Source = "ai-call", CreatedAt = clock(), RuleKey = "red-flag:chest-pain",
                };
                db.Todos.Add(todo);
                await db.SaveChangesAsync();
                written[todo.Id] = Stopwatch.GetTimestamp();
            }
            if (!await received.WaitAsync(TimeSpan.FromSeconds(10)))
                Console.Error.WriteLine($"alert {i} not received within 10 s");
        }
        await stop.CancelAsync();
        await loops;

        var sorted = latencies.Order().ToList();
        double P(double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        Console.WriteLine($"alert-latency provider={provider} alerts={alerts} received={sorted.Count} interval={interval} ms nurse={nurse}");
        Console.WriteLine($"  commit → subscriber: p50 {P(0.5):0} ms, p95 {P(0.95):0} ms, max {P(1):0} ms (target ≤ 1000 ms)");
        return sorted.Count == alerts ? 0 : 1;
    }

    private static async Task<string> NurseOnDutyAsync(TestHospital h)
    {
        await using var db = h.Database.NewContext();
        var user = new StaffUser { UserName = "bench.nurse", DisplayName = "值班护士", HospitalId = h.Hospital.Id };
        db.Users.Add(user);
        db.StaffDepartments.Add(new StaffDepartment { UserId = user.Id, DepartmentId = h.Cardiology.Id });
        var phone = h.Protector.Protect(SensitiveKind.Phone, "13900000001");
        db.StaffMobiles.Add(new StaffMobile { UserId = user.Id, HospitalId = h.Hospital.Id, PhoneCipher = phone.Cipher, PhoneMasked = phone.Masked });
        foreach (var day in Enum.GetValues<DayOfWeek>())
            db.DutyShifts.Add(new DutyShift { HospitalId = h.Hospital.Id, DepartmentId = h.Cardiology.Id, Day = day, Start = TimeOnly.MinValue, End = TimeOnly.MinValue, UserId = user.Id });
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static async Task Loop(Func<CancellationToken, Task> round, Func<CancellationToken, Task> wait, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await round(ct);
                await wait(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Core.Security;
using Suifang.Integrations.Sms;
using Suifang.Testing;

namespace Suifang.Bench;

/// sms: the real host's outbox with the simulated provider. (1) --messages single sends by --concurrency callers, every
/// --repeat-th sent twice with the same effect key (a resumed task): admission time per call; (2) a mass sending to
/// --mass patients at the configured rate limit --rate. The background sender hands over what the rate limit held back.
/// Checks that every message reached the provider exactly once (none lost, none doubled). The hospital clock is set to
/// 10:00 so that SMS quiet hours never hold messages back while measuring.
///   dotnet run -c Release --project bench/Suifang.Bench -- sms --messages 2000 --mass 2000 --rate 200 --provider sqlite|postgres
internal static class SmsBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var singles = args.Int("messages", 2000);
        var mass = args.Int("mass", 2000);
        var rate = args.Int("rate", 200);
        var concurrency = args.Int("concurrency", 16);
        var repeatEvery = args.Int("repeat", 10);
        var provider = args.Get("provider", "sqlite").StartsWith("p", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUIFANG_WEB", QuestionnaireSubmitBench.WebRoot());
        var counting = new CountingSmsProvider();
        var zone = HospitalClock.ChinaStandard().Zone;
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var offset = local.Date.AddHours(10) - local.DateTime;   // hospital time 10:00 now, running on
        var database = await TestDatabase.CreateAsync(provider);
        await using var app = new SuifangWebFactory(database, new Dictionary<string, string?>
        {
            ["Tasks:DispatcherEnabled"] = "false", ["Logging:LogLevel:Default"] = "Error",
            ["Sms:MaxPerSecond"] = rate.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Sms:SendIntervalSeconds"] = "1",
            ["Sms:ReceiptIntervalSeconds"] = "3600",
        }, s =>
        {
            s.RemoveAll<ISmsProvider>();
            s.AddSingleton<ISmsProvider>(counting);
            s.RemoveAll<HospitalClock>();
            s.AddSingleton(new HospitalClock(new ShiftedTime(offset), zone));
        });
        _ = app.Server;
        var patients = await PatientsAsync(app.Services, singles + mass);
        var outbox = app.Services.GetRequiredService<ISmsOutbox>();
        var hospital = patients[0].HospitalId;

        // (1) single sends
        var work = patients.Take(singles).SelectMany((p, i) => i % repeatEvery == 0 ? new[] { p.Id, p.Id } : [p.Id]).ToList();
        var admission = new double[work.Count];
        var gate = new SemaphoreSlim(concurrency);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(work.Select(async (id, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var watch = Stopwatch.StartNew();
                await outbox.SendAsync(new SmsSend(hospital, id, "【第一人民医院】您好，请按时服药，如有不适请及时就医。回复TD退订", SmsPurpose.FollowUp, $"bench:{id}"), CancellationToken.None);
                admission[i] = watch.Elapsed.TotalMilliseconds;
            }
            finally
            {
                gate.Release();
            }
        }));
        var admitted = wall.Elapsed;
        var singlesDone = await HandedOverAsync(app.Services, m => m.BatchId == null, singles);
        var singlesWall = wall.Elapsed;

        // (2) mass sending
        long batchId;
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext())
        {
            var batch = new SmsBatch { HospitalId = hospital, Title = "bench", Purpose = SmsPurpose.Education, Text = "【第一人民医院】{患者姓名}您好，冬季请注意保暖，按时服药。", Recipients = mass, CreatedAt = DateTime.Now, CreatedBy = "bench" };
            db.SmsBatches.Add(batch);
            await db.SaveChangesAsync();
            batchId = batch.Id;
        }
        var massWatch = Stopwatch.StartNew();
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext())
        {
            var batch = await db.SmsBatches.SingleAsync(b => b.Id == batchId);
            await SmsMassSend.EnqueueAsync(outbox, batch, patients.Skip(singles).Select(p => (p.Id, p.Name)), new Dictionary<string, string>(), null, CancellationToken.None);
        }
        var enqueued = massWatch.Elapsed;
        var massDone = await HandedOverAsync(app.Services, m => m.BatchId == batchId, mass);
        var massWall = massWatch.Elapsed;

        await using var check = app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext();
        var stored = await check.SmsMessages.CountAsync();
        var blocked = await check.SmsMessages.CountAsync(m => m.Status == SmsSendStatus.Blocked);
        Array.Sort(admission);
        double P(double q) => admission[Math.Min(admission.Length - 1, (int)Math.Ceiling(q * admission.Length) - 1)];
        Console.WriteLine($"sms on {provider}: simulated provider, rate limit {rate}/s, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  single sends: {singles} patients, {work.Count} calls ({work.Count - singles} repeated effect keys), {concurrency} callers");
        Console.WriteLine($"    admission (ISmsOutbox.SendAsync) ms: p50 {P(0.50):0.0}  p95 {P(0.95):0.0}  p99 {P(0.99):0.0}  max {admission[^1]:0.0}");
        Console.WriteLine($"    all calls returned after {admitted.TotalSeconds:0.00} s; all {singlesDone} handed over after {singlesWall.TotalSeconds:0.00} s = {singlesDone / singlesWall.TotalSeconds:0} messages/s");
        Console.WriteLine($"  mass sending: {mass} recipients enqueued in {enqueued.TotalSeconds:0.00} s; all {massDone} handed over after {massWall.TotalSeconds:0.00} s = {massDone / massWall.TotalSeconds:0} messages/s (limit {rate}/s)");
        Console.WriteLine($"  messages stored {stored} (blocked {blocked}), provider hand-overs {counting.Calls}, distinct messages handed over {counting.Distinct}");
        Console.WriteLine($"  lost: {singles + mass - counting.Distinct}, doubled: {counting.Calls - counting.Distinct}");
        return counting.Calls == counting.Distinct && counting.Distinct == singles + mass ? 0 : 1;
    }

    /// Waits until every message of the kind has left the queue (at most five minutes); returns how many were handed over.
    private static async Task<int> HandedOverAsync(IServiceProvider services, System.Linq.Expressions.Expression<Func<SmsMessage, bool>> kind, int expected)
    {
        var factory = services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        var until = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            await using var db = factory.CreateDbContext();
            var q = db.SmsMessages.Where(kind);
            var queued = await q.CountAsync(m => m.Status == SmsSendStatus.Queued);
            var total = await q.CountAsync();
            if ((total >= expected && queued == 0) || DateTime.UtcNow > until)
                return await q.CountAsync(m => m.Status == SmsSendStatus.Sent || m.Status == SmsSendStatus.Delivered || m.Status == SmsSendStatus.Failed);
            await Task.Delay(20);
        }
    }

    private static async Task<List<(long Id, string Name, int HospitalId)>> PatientsAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        db.Actor = AuditActor.System("bench");
        var hospital = await db.Hospitals.Include(h => h.Campuses).FirstAsync();
        var protector = scope.ServiceProvider.GetRequiredService<SensitiveDataProtector>();
        var all = new List<(long, string, int)>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(1000))
        {
            var batch = chunk.Select(i => new PatientBuilder(protector, hospital.Id, hospital.Campuses[0].Id)
                .Named($"患者{i}").WithPhone($"138{i:D8}").Build()).ToList();
            db.Patients.AddRange(batch);
            await db.SaveChangesAsync();
            all.AddRange(batch.Select(p => (p.Id, p.Name, p.HospitalId)));
            db.ChangeTracker.Clear();
        }
        return all;
    }

    private sealed class ShiftedTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + offset;
    }

    /// The simulated provider, counting every hand-over per message: a message handed over twice would be sent twice.
    private sealed class CountingSmsProvider : ISmsProvider
    {
        private readonly SimulatedSmsProvider _inner = new();
        private readonly ConcurrentDictionary<long, int> _calls = new();
        private int _total;

        public string Name => _inner.Name;
        public int Calls => _total;
        public int Distinct => _calls.Count;

        public Task<SmsProviderResult> SendAsync(SmsProviderRequest request, CancellationToken ct)
        {
            Interlocked.Increment(ref _total);
            _calls.AddOrUpdate(request.MessageId, 1, (_, n) => n + 1);
            return _inner.SendAsync(request, ct);
        }

        public Task<IReadOnlyList<SmsReceipt>> PollReceiptsAsync(IReadOnlyList<SmsSentMessage> sent, CancellationToken ct) =>
            _inner.PollReceiptsAsync(sent, ct);
    }
}

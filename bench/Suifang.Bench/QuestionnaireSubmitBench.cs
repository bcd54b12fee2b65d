using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires.Links;
using Suifang.Core.Security;
using Suifang.Testing;

namespace Suifang.Bench;

/// questionnaire-submit: N patients each submit their PHQ-9 link at the same moment to a real Kestrel host on loopback
/// (POST /q/{token}, the form a phone sends); every --double-th link is submitted twice at once (a double tap). Then
/// checks that every link has exactly one response (none lost, none doubled) and prints latency percentiles.
///   dotnet run -c Release --project bench/Suifang.Bench -- questionnaire-submit --submissions 1000 --concurrency 1000 --provider sqlite|postgres
internal static class QuestionnaireSubmitBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var count = args.Int("submissions", 1000);
        var concurrency = args.Int("concurrency", count);
        var doubleEvery = args.Int("double", 10);
        // --floor: the same POSTs to a token that cannot exist ("x"): Kestrel, form, the SSR "unknown link" page and the
        // client, no database — what the HTTP path alone costs on this machine. Lost/doubled are then meaningless.
        var floor = args.Has("floor");
        var provider = args.Get("provider", "sqlite").StartsWith("p", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        // WebApplicationFactory finds the host's content root through this variable outside a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUIFANG_WEB", WebRoot());
        var database = await TestDatabase.CreateAsync(provider);
        await using var app = new SuifangWebFactory(database, new Dictionary<string, string?>
        {
            ["Tasks:DispatcherEnabled"] = "false", ["Logging:LogLevel:Default"] = "Error",
        });
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        var warmup = args.Int("warmup", 200);
        var all = await LinksAsync(app.Services, count + warmup);
        var tokens = all.Take(count).ToList();

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        await http.GetAsync("/q/" + tokens[0]); // warm up the page and the pools
        var form = Enumerable.Range(1, 9).Select(i => new KeyValuePair<string, string>($"a.phq9_{i}", (i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        // A running server is warm: submit --warmup other links first (20 at a time) so JIT tiering and EF's query
        // compilation happen before the measurement, as they would long before a real burst.
        var warmGate = new SemaphoreSlim(20);
        await Task.WhenAll(all.Skip(count).Select(async t =>
        {
            await warmGate.WaitAsync();
            try { using var _ = await http.PostAsync("/q/" + t, new FormUrlEncodedContent(form)); }
            finally { warmGate.Release(); }
        }));
        GC.Collect();
        if (args.Get("pause-until", "") is { Length: > 0 } go) // attach a profiler to the warm process, then create the file
        {
            Console.WriteLine($"warm; pid {Environment.ProcessId}; waiting for {go}");
            while (!File.Exists(go))
                await Task.Delay(200);
        }
        var work = tokens.SelectMany((t, i) => i % doubleEvery == 0 ? new[] { t, t } : [t]).ToList();
        var gate = new SemaphoreSlim(concurrency);
        var latencies = new double[work.Count];
        var failures = 0;
        var writer = app.Services.GetRequiredService<SubmissionWriter>();
        var batchesBefore = writer.Batches;
        var load = LoadAverage();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(work.Select(async (token, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.PostAsync("/q/" + (floor ? "x" : token), new FormUrlEncodedContent(form));
                latencies[i] = watch.Elapsed.TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK && !floor)
                    Interlocked.Increment(ref failures);
            }
            finally
            {
                gate.Release();
            }
        }));
        wall.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var batches = writer.Batches - batchesBefore;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var responses = await db.QuestionnaireResponses.CountAsync() - warmup;
        var distinct = await db.QuestionnaireResponses.Select(r => r.LinkId).Distinct().CountAsync() - warmup;
        var submitted = await db.QuestionnaireLinks.CountAsync(l => l.SubmittedAt != null) - warmup;
        var results = await db.FollowUpResults.CountAsync() - warmup;
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        Console.WriteLine($"questionnaire-submit on {provider}: {count} links, {work.Count} POSTs ({work.Count - count} double submits), concurrency {concurrency}, Kestrel on loopback");
        Console.WriteLine($"  responses other than 200 (thank-you page): {failures}");
        Console.WriteLine($"  responses stored: {responses} (distinct links {distinct}), links submitted: {submitted}, score results: {results}");
        Console.WriteLine($"  lost: {count - distinct}, doubled: {responses - distinct}");
        Console.WriteLine($"  latency ms: p50 {P(0.50):0.0}  p95 {P(0.95):0.0}  p99 {P(0.99):0.0}  max {latencies[^1]:0.0}");
        Console.WriteLine($"  wall {wall.Elapsed.TotalSeconds:0.00} s, {work.Count / wall.Elapsed.TotalSeconds:0} POST/s, {batches} write batches");
        Console.WriteLine($"  CPU of this process (host + client) during the POSTs: {cpuUsed.TotalSeconds:0.00} s = {cpuUsed.TotalMilliseconds / work.Count:0.00} ms per POST");
        Console.WriteLine($"  load average before: {load}, after: {LoadAverage()}");
        return count - distinct == 0 && responses == distinct && failures == 0 ? 0 : 1;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    internal static string WebRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "Suifang.Web");
            if (Directory.Exists(web))
                return web;
        }
        throw new DirectoryNotFoundException("src/Suifang.Web not found above " + AppContext.BaseDirectory);
    }

    /// N discharged patients, each with an open PHQ-9 link; returns the tokens.
    private static async Task<List<string>> LinksAsync(IServiceProvider services, int count)
    {
        // The scales are installed at start by a hosted service; wait until they are there.
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        db.Actor = AuditActor.System("bench");
        var protector = scope.ServiceProvider.GetRequiredService<SensitiveDataProtector>();
        var hospital = await db.Hospitals.Include(h => h.Campuses).FirstAsync();
        var department = new Core.Organization.Department { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Code = "BENCH", Name = "压测科室" };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        var now = DateTime.Now;
        var patients = Enumerable.Range(0, count).Select(i => new PatientBuilder(protector, hospital.Id, hospital.Campuses[0].Id)
            .Named("压测" + i).WithPhone($"139{i:D8}").DischargedOn(now.AddDays(-3), department.Id).Build()).ToList();
        db.Patients.AddRange(patients);
        await db.SaveChangesAsync();
        var version = await db.QuestionnaireVersions.Include(v => v.Questionnaire).SingleAsync(v => v.Questionnaire!.Key == "phq-9");
        var tokens = new List<string>();
        foreach (var p in patients)
        {
            var token = LinkTokens.New();
            tokens.Add(token);
            db.QuestionnaireLinks.Add(new QuestionnaireLink
            {
                HospitalId = hospital.Id, DepartmentId = department.Id, PatientId = p.Id, QuestionnaireId = version.QuestionnaireId, VersionId = version.Id,
                TokenHash = LinkTokens.Hash(token), CreatedAt = now, ExpiresAt = now.AddDays(7),
            });
        }
        await db.SaveChangesAsync();
        return tokens;
    }
}

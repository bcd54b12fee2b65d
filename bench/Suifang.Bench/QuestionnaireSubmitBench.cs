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
/// (POST /q/{token} as the page's script sends it, asking for the short JSON answer; --form: the plain form post of a
/// phone without JavaScript, answered with the page); every --double-th link is submitted twice at once (a double tap).
/// Each client's connection is opened before the burst by GETting its page, as the phone did (--cold: not). Then checks
/// that every link has exactly one response (none lost, none doubled) and prints latency percentiles and CPU per POST;
/// then waits until the host's ResponseProcessor has processed every response (stage 2: results, to-dos, alerts) and
/// prints its CPU and the delay from submission to to-do. Answers: a realistic mix (Phq9Mix), --all-critical the worst case.
///   dotnet run -c Release --project bench/Suifang.Bench -- questionnaire-submit --submissions 1000 --concurrency 1000 --provider sqlite|postgres
///   ... --floor         the same POSTs to a token that cannot exist: the whole HTTP path of the host, no database
///   ... --client-only   the same client against a bare Kestrel answering a fixed JSON: the client's own cost
internal static class QuestionnaireSubmitBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var count = args.Int("submissions", 1000);
        var concurrency = args.Int("concurrency", count);
        var doubleEvery = args.Int("double", 10);
        var json = !args.Has("form");
        var mix = new Phq9Mix(args.Has("all-critical"), args.Int("critical-percent", 3));
        if (args.Has("client-only"))
            return await ClientOnlyAsync(args, count, concurrency, new Phq9Mix(true, 100).Forms(1)[0]);

        // --floor: the same POSTs to a token that cannot exist ("x"): Kestrel, middleware, form, the "unknown link" answer
        // and the client, no database — what the HTTP path alone costs on this machine. Lost/doubled are then meaningless.
        var floor = args.Has("floor");
        var provider = args.Get("provider", "sqlite").StartsWith("p", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        // WebApplicationFactory finds the host's content root through this variable outside a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUIFANG_WEB", WebRoot());
        var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false", ["Logging:LogLevel:Default"] = "Error" };
        // --max-delay-ms 60000: stage 2 waits for the burst to be over, so the POSTs' CPU is stage 1 alone.
        if (args["max-delay-ms"] is { } maxDelay)
            settings["Questionnaires:Processing:MaxDelayMs"] = maxDelay;
        await using var app = new SuifangWebFactory(database, settings);
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        var warmup = args.Int("warmup", 200);
        var all = await LinksAsync(app.Services, count + warmup);
        var tokens = all.Take(count).ToList();
        var forms = mix.Forms(count + warmup);

        using var client = new SubmitBurst(baseUrl, concurrency);
        // A running server is warm: submit --warmup other links first (20 at a time) so JIT tiering and EF's query
        // compilation happen before the measurement, as they would long before a real burst.
        var warmGate = new SemaphoreSlim(20);
        await Task.WhenAll(all.Skip(count).Select(async (t, j) =>
        {
            await warmGate.WaitAsync();
            try
            {
                // --floor warms its own path (the unknown token) as well, so the burst does not run first-tier JIT code.
                using var request = new HttpRequestMessage(HttpMethod.Post, "/q/" + (floor && t.GetHashCode() % 2 == 0 ? "x" : t)) { Content = new FormUrlEncodedContent(forms[count + j]) };
                if (json)
                    request.Headers.Accept.ParseAdd("application/json");
                using var _ = await client.Http.SendAsync(request);
            }
            finally { warmGate.Release(); }
        }));
        // Each phone opened its page before it submitted: its connection is open (and the link marked opened).
        if (!args.Has("cold"))
        {
            var failedPages = await client.OpenConnectionsAsync(tokens.Take(concurrency).Select(t => "/q/" + t).ToList());
            Console.WriteLine($"  opened {client.Connects} connections by GETting {Math.Min(concurrency, count)} pages before the burst ({failedPages} not 200)");
        }
        // Stage 2 of the warm-up (results, to-dos, its alerts) is done before the burst, so it is not in the figure.
        await SubmitProcessingReport.WaitForBacklogAsync(app.Services, TimeSpan.FromMinutes(5));
        GC.Collect();
        if (args.Get("pause-until", "") is { Length: > 0 } go) // attach a profiler to the warm process, then create the file
        {
            Console.WriteLine($"warm; pid {Environment.ProcessId}; waiting for {go}");
            while (!File.Exists(go))
                await Task.Delay(200);
        }
        var indexes = Enumerable.Range(0, count).SelectMany(i => i % doubleEvery == 0 ? new[] { i, i } : [i]).ToList();
        var work = indexes.Select(i => "/q/" + (floor ? "x" : tokens[i])).ToList();
        var writer = app.Services.GetRequiredService<SubmissionWriter>();
        var batchesBefore = writer.Batches;
        var burstStart = app.Services.GetRequiredService<Core.Common.HospitalClock>().Now;
        var outcome = await client.PostAllAsync(work, k => forms[indexes[k]], concurrency, json, status => floor || status == HttpStatusCode.OK);
        var batches = writer.Batches - batchesBefore;
        var stage2 = floor ? null : await SubmitProcessingReport.MeasureAsync(app.Services, burstStart, TimeSpan.FromMinutes(10));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var responses = await db.QuestionnaireResponses.CountAsync() - warmup;
        var distinct = await db.QuestionnaireResponses.Select(r => r.LinkId).Distinct().CountAsync() - warmup;
        var submitted = await db.QuestionnaireLinks.CountAsync(l => l.SubmittedAt != null) - warmup;
        var results = await db.FollowUpResults.CountAsync() - warmup;
        var lost = floor ? 0 : count - distinct;
        Console.WriteLine($"questionnaire-submit on {(floor ? "no database (--floor)" : provider)}: {count} links, {work.Count} POSTs ({work.Count - count} double submits), concurrency {concurrency}, Kestrel on loopback, {(json ? "fetch answer (JSON)" : "form post answered with the page")}");
        if (!floor)
            Console.WriteLine($"  answers: {mix.Describe()}");
        Console.WriteLine($"  responses other than 200: {outcome.NotOk}");
        if (!floor)
            Console.WriteLine($"  responses stored: {responses} (distinct links {distinct}), links submitted: {submitted}, score results: {results}");
        Console.WriteLine($"  lost: {lost}, doubled: {responses - distinct}, write batches: {batches}");
        SubmitBurst.Print(outcome, work.Count);
        stage2?.Print(outcome.Cpu, count);
        // Stage 2 loses nothing either: every stored response got its score result.
        return lost == 0 && responses == distinct && outcome.NotOk == 0 && (floor || results == responses) ? 0 : 1;
    }

    private static async Task<int> ClientOnlyAsync(BenchArgs args, int count, int concurrency, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        await using var bare = await BareSubmitServer.StartAsync();
        using var client = new SubmitBurst(BareSubmitServer.Url(bare), concurrency);
        var warm = Enumerable.Range(0, args.Int("warmup", 200)).Select(i => "/q/warm" + i).ToList();
        await client.PostAllAsync(warm, _ => form, 20, json: true, _ => true);
        if (!args.Has("cold"))
            await client.OpenConnectionsAsync(Enumerable.Range(0, concurrency).Select(i => "/q/page" + i).ToList());
        GC.Collect();
        var work = Enumerable.Range(0, count).SelectMany(i => i % args.Int("double", 10) == 0 ? new[] { i, i } : [i]).Select(i => "/q/t" + i).ToList();
        var outcome = await client.PostAllAsync(work, _ => form, concurrency, json: true, s => s == HttpStatusCode.OK);
        Console.WriteLine($"questionnaire-submit --client-only: {work.Count} POSTs, concurrency {concurrency}, to a bare Kestrel (no middleware, no database) answering a fixed JSON");
        SubmitBurst.Print(outcome, work.Count);
        return outcome.NotOk == 0 ? 0 : 1;
    }

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

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Organization;
using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Plans;
using Suifang.Core.Plans.Automatic;
using Suifang.Core.Security;

namespace Suifang.Bench;

/// plan-create (issue #3: plans for 100,000 discharged patients ≤ 10 s): loads --patients discharged patients (default
/// 100,000, discharged in the last three days), two published pathways and two rules (every diagnosis → general discharge
/// follow-up; I20–I25 → PCI, so coronary patients get a merged plan), then times the daily plan creation
/// (AutoPlanner.DailyAsync: the code the Quartz job and the arrival hook run) from a cold context.
/// Options: --provider sqlite|postgres, --data DIR, --pg CONNECTION, --sequential (batch after batch on one connection,
/// without the pipeline of round 6, to measure it). Run with DOTNET_gcServer=1: the web host, where the job runs, uses
/// the server GC.
internal static class PlanCreateBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var patients = args.GetInt("patients", 100_000);
        var database = await BenchDatabase.OpenAsync(args, $"suifang_plans_{patients}");
        var now = new DateTime(2026, 11, 30, 8, 0, 0);
        Console.WriteLine($"plan-create on {database.Provider}, {patients:N0} discharged patients");
        // The daily job runs in the web host, whose GC is the server GC (ASP.NET Core's default, Suifang.Web.runtimeconfig.json);
        // this process uses it when started with DOTNET_gcServer=1.
        Console.WriteLine(System.Runtime.GCSettings.IsServerGC ? "  server GC, as the web host runs the daily job"
            : "  workstation GC (the web host runs the daily job with the server GC: start with DOTNET_gcServer=1 to measure it so)");
        var load = Stopwatch.StartNew();
        await database.ResetAsync();
        var (hospitalId, campusId, departments) = await SeedHospitalAsync(database, now);
        var rng = new Random(2026);
        var loader = new PatientLoader(database, new SensitiveDataProtector(new byte[32]), hospitalId, campusId, departments);
        await loader.LoadAsync(Enumerable.Range(1, patients).Select(i => Discharged(i, rng, now, departments.Length)));
        await using (var analyze = database.NewContext())
            await analyze.Database.ExecuteSqlRawAsync(database.Provider == Suifang.Core.Data.DatabaseProvider.Sqlite ? "ANALYZE" : "VACUUM ANALYZE");
        Console.WriteLine($"  loaded in {load.Elapsed.TotalSeconds:F1} s");

        // Time per phase of plan creation (the activities PlanWriter.Phase starts), summed over the batches.
        var phases = new System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Suifang.Core.Observability.SuifangMetrics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => phases.AddOrUpdate(a.OperationName, a.Duration, (_, d) => d + a.Duration),
        };
        ActivitySource.AddActivityListener(listener);
        var before = GC.GetTotalAllocatedBytes();
        var server = await ServerCpu.OpenAsync(database);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await using (var db = database.NewContext())
        {
            db.Actor = AuditActor.System("bench");
            var result = await AutoPlanner.DailyAsync(db, now, lookbackDays: 30, default, pipelined: !args.Has("sequential"));
            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            server?.Stop();
            Console.WriteLine(args.Has("sequential") ? "  --sequential: batch after batch on one connection (no pipeline)" : "  pipelined: the next batch is prepared on a second connection while one is written");
            Console.WriteLine($"  daily plan creation: {result.Encounters:N0} encounters, {result.Created:N0} plans, {result.Refusals.Count:N0} refused, {result.NoRule:N0} without a rule");
        }
        foreach (var (name, time) in phases.OrderBy(p => p.Key))
            Console.WriteLine($"    {name,-22} {time.TotalSeconds,7:F2} s");
        await using var read = database.NewContext();
        var steps = await read.PlanSteps.CountAsync();
        var tasks = await read.Tasks.CountAsync();
        var merged = await read.Plans.CountAsync(p => p.Pathways.Count > 1);
        Console.WriteLine($"  {watch.Elapsed.TotalSeconds:F2} s for {await read.Plans.CountAsync():N0} plans ({merged:N0} merged), {steps:N0} steps, {tasks:N0} tasks; "
            + $"{(steps + tasks) / watch.Elapsed.TotalSeconds:N0} step+task rows/s; {(GC.GetTotalAllocatedBytes() - before) / 1e6:N0} MB allocated; "
            + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        Console.WriteLine($"  CPU time of this process {cpu.TotalSeconds:F2} s; load average {LoadAverage()} (the machine is shared: with a high load, wall time overstates the cost)");
        if (server is not null)
            Console.WriteLine($"  CPU time of the PostgreSQL server (postmaster and its processes, same machine) {server.Used.TotalSeconds:F2} s; client + server {(cpu + server.Used).TotalSeconds:F2} s");
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static SyntheticPatient Discharged(long id, Random rng, DateTime now, int departmentCount)
    {
        var (code, name) = SyntheticHospital.Diagnoses[SyntheticHospital.Skewed(rng, SyntheticHospital.Diagnoses.Length)];
        var discharged = now.Date.AddDays(-rng.Next(0, 3)).AddMinutes(rng.Next(8 * 60, 18 * 60));
        var dept = SyntheticHospital.Skewed(rng, departmentCount);
        var encounter = new SyntheticEncounter(id, VisitType.Discharged, dept, SyntheticHospital.DoctorName(dept, 1), discharged.AddDays(-rng.Next(2, 12)), discharged, code, name);
        return new SyntheticPatient(id, "患者" + id, id % 2 == 0 ? Gender.Male : Gender.Female, new DateOnly(1960, 1, 1).AddDays((int)(id % 10_000)),
            $"139{id * 48271 % 100_000_000:D8}", null, [encounter]);
    }

    private static async Task<(int, int, int[])> SeedHospitalAsync(BenchDatabase database, DateTime now)
    {
        await using var db = database.NewContext();
        db.Actor = AuditActor.System("bench");
        var hospital = new Hospital { Code = "BENCH", Name = "基准测试医院" };
        hospital.Campuses.Add(new Campus { Code = "MAIN", Name = "本院区" });
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();
        var departments = SyntheticHospital.Departments
            .Select((name, i) => new Department { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Code = $"D{i:D2}", Name = name }).ToList();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync();
        db.Pathways.AddRange(BenchPathways.General(hospital.Id, departments[0].Id, now), BenchPathways.Pci(hospital.Id, departments[0].Id, now));
        db.PlanRules.AddRange(
            new PlanRule { HospitalId = hospital.Id, Name = "出院随访", DiagnosisCodes = "A00-Z99", VisitType = VisitType.Discharged, PathwayKey = "discharge", CreatedAt = now },
            new PlanRule { HospitalId = hospital.Id, Name = "冠心病", DiagnosisCodes = "I20-I25", PathwayKey = "pci", CreatedAt = now });
        await db.SaveChangesAsync();
        return (hospital.Id, hospital.Campuses[0].Id, departments.Select(d => d.Id).ToArray());
    }
}

/// Two pathways of realistic size for the benchmark: four nodes, three to four questions and one or two triggers each.
internal static class BenchPathways
{
    private static NodeQuestion Q(string key, string text, AnswerKind kind = AnswerKind.YesNo) => new() { Key = key, Text = text, Kind = kind };

    private static TriggerRule T(string key, TriggerOperator op, string value, string description, TriggerSeverity s = TriggerSeverity.Abnormal) =>
        new() { QuestionKey = key, Operator = op, Value = value, Description = description, Severity = s };

    private static List<ChannelStep> Channels() =>
    [
        new() { Kind = ChannelKind.AiCall, Redials = 2, RedialIntervalMinutes = 60 },
        new() { Kind = ChannelKind.Questionnaire, FallbackAfterHours = 48 },
        new() { Kind = ChannelKind.Manual, Redials = 1 },
    ];

    private static PathwayNode Node(int order, string title, int offset, OffsetUnit unit, int window, params NodeQuestion[] questions) => new()
    {
        Order = order, Title = title, Offset = offset, OffsetUnit = unit, WindowDays = window, ScriptKey = "discharge-general",
        Questions = questions.ToList(),
        Triggers = [T("temperature", TriggerOperator.GreaterOrEqual, "38.5", "体温≥38.5℃，可能有感染"), T("pain", TriggerOperator.GreaterOrEqual, "7", "疼痛评分≥7")],
        Channels = Channels(),
    };

    public static Pathway General(int hospitalId, int departmentId, DateTime now) => new()
    {
        HospitalId = hospitalId, DepartmentId = departmentId, Key = "discharge", Name = "出院通用随访", Version = 1, Status = PathwayStatus.Published,
        DiseaseCodes = "A00-Z99", DiseaseNames = "出院患者", CreatedAt = now,
        Nodes =
        [
            Node(1, "出院后第3天", 3, OffsetUnit.Day, 2, Q("general", "您出院后身体感觉怎么样？", AnswerKind.Text), Q("temperature", "您现在体温多少度？", AnswerKind.Number), Q("pain", "疼痛打几分（0到10）？", AnswerKind.Score), Q("medication", "有没有按时吃药？")),
            Node(2, "出院后第7天", 7, OffsetUnit.Day, 2, Q("general", "您出院后身体感觉怎么样？", AnswerKind.Text), Q("temperature", "您现在体温多少度？", AnswerKind.Number), Q("medication", "有没有按时吃药？")),
            Node(3, "出院后一个月", 30, OffsetUnit.Day, 3, Q("general", "您出院后身体感觉怎么样？", AnswerKind.Text), Q("revisit", "有没有按时复查？"), Q("pain", "疼痛打几分（0到10）？", AnswerKind.Score)),
            Node(4, "出院后三个月", 3, OffsetUnit.Month, 7, Q("general", "您出院后身体感觉怎么样？", AnswerKind.Text), Q("readmitted", "有没有再住院？")),
        ],
    };

    public static Pathway Pci(int hospitalId, int departmentId, DateTime now) => new()
    {
        HospitalId = hospitalId, DepartmentId = departmentId, Key = "pci", Name = "冠心病 PCI 术后随访", Version = 1, Status = PathwayStatus.Published,
        DiseaseCodes = "I20-I25", DiseaseNames = "冠心病 PCI 术后", CreatedAt = now,
        Nodes =
        [
            Node(1, "术后第3天", 3, OffsetUnit.Day, 1, Q("chest_pain", "有没有胸痛、胸闷？"), Q("temperature", "您现在体温多少度？", AnswerKind.Number), Q("puncture", "穿刺处有没有出血、肿胀？")),
            Node(2, "术后第7天", 7, OffsetUnit.Day, 2, Q("chest_pain", "有没有胸痛、胸闷？"), Q("antiplatelet", "阿司匹林和氯吡格雷有没有每天吃？")),
            Node(3, "术后一个月", 30, OffsetUnit.Day, 3, Q("chest_pain", "有没有胸痛、胸闷？"), Q("bleeding", "有没有牙龈出血、黑便？")),
            Node(4, "术后三个月", 3, OffsetUnit.Month, 7, Q("chest_pain", "有没有胸痛、胸闷？"), Q("revisit", "有没有按时复查？")),
        ],
    };
}

/// The CPU time the local PostgreSQL server (postmaster and all its processes: backends, WAL writer, checkpointer) used
/// while plans were created, from /proc; null on SQLite or when the server is not on this machine.
internal sealed class ServerCpu
{
    private readonly int _postmaster;
    private readonly double _start;

    public TimeSpan Used { get; private set; }

    private ServerCpu(int postmaster)
    {
        _postmaster = postmaster;
        _start = Ticks();
    }

    public static async Task<ServerCpu?> OpenAsync(BenchDatabase database)
    {
        if (database.Provider != Suifang.Core.Data.DatabaseProvider.Postgres)
            return null;
        await using var db = database.NewContext();
        var backend = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
        var stat = $"/proc/{backend}/stat";
        if (!File.Exists(stat))
            return null;
        return new ServerCpu(int.Parse(Fields(File.ReadAllText(stat))[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Stop() => Used = TimeSpan.FromSeconds((Ticks() - _start) / 100.0);

    /// utime + stime (+ the children's that were waited for) of the postmaster and its children, in clock ticks (100 a second).
    private double Ticks()
    {
        double sum = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            string text;
            try { text = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            var f = Fields(text);
            if (pid != _postmaster && f[1] != _postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture))
                continue;
            // After "pid (comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
            sum += double.Parse(f[11], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(f[12], System.Globalization.CultureInfo.InvariantCulture)
                + double.Parse(f[13], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(f[14], System.Globalization.CultureInfo.InvariantCulture);
        }
        return sum;
    }

    /// The fields after the command name (which may hold spaces): [0] = state, [1] = ppid, ...
    private static string[] Fields(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
}

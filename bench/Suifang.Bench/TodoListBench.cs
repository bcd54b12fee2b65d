using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Security;
using Suifang.Core.Todos;

namespace Suifang.Bench;

/// todo-list: the nurses' to-do list query (TodoList.RunAsync, 5.1.6) with filters, p50/p95/max per filter kind, over
/// --patients synthetic patients (default 200,000), --calls calls and --tasks tasks (default 1,000,000 each) and --todos
/// to-dos (default 50,000: about one call in twenty raises one; --open of them, default 2,500, still open). Prints p50/p95/max
/// latency and the mean CPU time of this process per query (see bench/README.md).
/// Options: --provider sqlite|postgres, --data DIR, --pg CONNECTION, --queries N (default 200), --kind NAME, --sql, --reload.
internal static class TodoListBench
{
    private static readonly DateTime Now = new(2026, 11, 30, 10, 0, 0);

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var patients = args.GetInt("patients", 200_000);
        var calls = args.GetInt("calls", 1_000_000);
        var tasks = args.GetInt("tasks", 1_000_000);
        var todos = args.GetInt("todos", 50_000);
        var open = args.GetInt("open", 2_500);
        var queries = args.GetInt("queries", 200);
        var only = args.Get("kind", "");
        var database = await BenchDatabase.OpenAsync(args, $"suifang_bench_todos_{patients}");
        var protector = new SensitiveDataProtector(new byte[32]);
        Console.WriteLine($"todo-list on {database.Provider}: {patients:N0} patients, {calls:N0} calls, {tasks:N0} tasks, {todos:N0} to-dos ({open:N0} open), {queries} queries per kind");
        var hospital = await PatientListBench.EnsureLoadedAsync(database, protector, patients, Now, args.Has("reload"));
        await using (var db = database.NewContext())
        {
            if (await db.Todos.CountAsync() != todos || await db.Calls.CountAsync() != calls || await db.Tasks.CountAsync() != tasks)
            {
                var watch = Stopwatch.StartNew();
                await TodoSeed.LoadAsync(db, patients, calls, tasks, todos, open);
                Console.WriteLine($"  loaded calls, tasks and to-dos in {watch.Elapsed.TotalSeconds:F1} s");
            }
        }
        await PatientListBench.AnalyzeAsync(database);
        var kinds = await KindsAsync(database, hospital);

        // cpu ms: this process's CPU time per query (mean over the kind: /proc counts in 10 ms steps). On SQLite that is all
        // the work, and it does not grow with the machine's load as the latencies do; on PostgreSQL the server's is not in it.
        Console.WriteLine($"{"kind",-16}{"p50 ms",10}{"p95 ms",10}{"max ms",10}{"cpu ms",10}{"rows/page",11}{"total (median)",16}");
        foreach (var (kind, next) in kinds.Where(k => only.Length == 0 || k.Kind == only))
        {
            database.LogSql = args.Has("sql");
            var times = new List<double>(queries);
            var rows = new List<int>(queries);
            var totals = new List<int>(queries);
            var cpu = TimeSpan.Zero;
            for (var i = 0; i < queries + 5; i++)
            {
                var (scope, query) = next(i);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                await using var db = database.NewContext();
                var result = await TodoList.RunAsync(db, protector, scope, query);
                watch.Stop();
                if (i < 5)
                    continue; // warm-up: connection pool, EF query cache
                cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                times.Add(watch.Elapsed.TotalMilliseconds);
                rows.Add(result.Value!.Items.Count);
                totals.Add(result.Value.Total);
            }
            times.Sort();
            totals.Sort();
            Console.WriteLine($"{kind,-16}{At(times, 0.50),10:F1}{At(times, 0.95),10:F1}{times[^1],10:F1}{cpu.TotalMilliseconds / queries,10:F1}{rows.Average(),11:F1}{totals[totals.Count / 2],16:N0}");
        }
        return 0;
    }

    /// Each kind draws its filter values from the data: surnames, last-4 digits, diagnosis codes and doctors of patients
    /// that have to-dos, so that most queries find something.
    private static async Task<List<(string Kind, Func<int, (StaffScope, TodoListQuery)> Next)>> KindsAsync(BenchDatabase database, PatientListBench.LoadedHospital hospital)
    {
        await using var db = database.NewContext();
        var sample = await (from t in db.Todos
                            join p in db.Patients on t.PatientId equals p.Id
                            join e in db.Encounters on p.Id equals e.PatientId
                            orderby t.Id
                            select new { p.Name, p.PhoneLast4, e.PrimaryDiagnosisCode, e.AttendingDoctor, e.VisitType, t.DepartmentId })
            .Take(500).ToListAsync();
        var departments = hospital.DepartmentIds;
        StaffScope Nurse(int i) => new("nurse-" + (i % 7), "护士", hospital.HospitalId, false,
            new HashSet<int> { departments[i % departments.Length], departments[(i + 3) % departments.Length] }, new HashSet<string> { Roles.Nurse });
        var supervisor = new StaffScope("sup", "监管", hospital.HospitalId, true, new HashSet<int>(), new HashSet<string> { Roles.Supervisor });
        var s = (int i) => sample[i % sample.Count];
        return
        [
            ("open-nurse", i => (Nurse(i), new TodoListQuery { Page = 1 + i % 3 })),
            ("open-all", i => (supervisor, new TodoListQuery { Page = 1 + i % 5 })),
            ("closed-nurse", i => (Nurse(i), new TodoListQuery { Group = TodoStatus.Closed, Page = 1 + i % 3 })),
            ("closed-all", i => (supervisor, new TodoListQuery { Group = TodoStatus.Closed, Page = 1 + i % 10 })),
            ("name", i => (supervisor, new TodoListQuery { Name = s(i).Name[..1] })),
            ("full-name", i => (supervisor, new TodoListQuery { Group = (TodoStatus)(i % 2), Name = s(i).Name })),
            ("phone-last4", i => (supervisor, new TodoListQuery { Group = (TodoStatus)(i % 2), Phone = s(i).PhoneLast4 })),
            ("urgency-kind", i => (Nurse(i), new TodoListQuery { Group = (TodoStatus)(i % 2), Urgency = (TodoUrgency)(i % 3), Kind = (TodoKind)(1 + i % 8) })),
            ("visit-type", i => (supervisor, new TodoListQuery { Group = (TodoStatus)(i % 2), VisitType = (VisitType)(1 + i % 3) })),
            ("diagnosis", i => (supervisor, new TodoListQuery { Group = (TodoStatus)(i % 2), Diagnosis = s(i).PrimaryDiagnosisCode[..3] })),
            ("doctor", i => (Nurse(i), new TodoListQuery { Group = (TodoStatus)(i % 2), Doctor = s(i).AttendingDoctor })),
            ("department", i => (supervisor, new TodoListQuery { Group = (TodoStatus)(i % 2), DepartmentId = s(i).DepartmentId })),
            ("mine", i => (Nurse(i), new TodoListQuery { Group = (TodoStatus)(i % 2), AssignedToMe = true })),
        ];
    }

    private static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}

/// Set-based loads of calls, tasks and to-dos for the synthetic patients (foreign keys off for the load only).
internal static class TodoSeed
{
    public static async Task LoadAsync(SuifangDbContext db, int patients, int calls, int tasks, int todos, int open)
    {
        var sqlite = db.Database.IsSqlite();
        string Series(int n) => sqlite ? $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) " : "";
        string From(int n) => sqlite ? "FROM n" : $"FROM generate_series(1, {n}) AS i";
        string Time(string minutes) => sqlite
            ? $"strftime('%Y-%m-%d %H:%M:%S', '2026-11-30 10:00:00', ({minutes}) || ' minutes')"
            : $"(TIMESTAMP '2026-11-30 10:00:00' + (({minutes}) * INTERVAL '1 minute'))";
        var f = sqlite ? "0" : "FALSE";
        var minPatient = await db.Patients.MinAsync(p => p.Id);
        string Patient(string i) => $"({minPatient} + ({i}) % {patients})";
        const string hospital = "(SELECT MIN(\"Id\") FROM \"Hospitals\")";
        const string campus = "(SELECT MIN(\"Id\") FROM \"Campuses\")";
        const string department = "(SELECT MIN(\"Id\") FROM \"Departments\")";
        var departments = await db.Departments.CountAsync();

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30)); // a million rows in one statement
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(sqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica");
        await db.Todos.ExecuteDeleteAsync();
        await db.CallTurns.ExecuteDeleteAsync();
        await db.Calls.ExecuteDeleteAsync();
        await db.TaskAttempts.ExecuteDeleteAsync();
        await db.Tasks.ExecuteDeleteAsync();
        var tasksSql = Series(tasks) + $"""
            INSERT INTO "Tasks" ("HospitalId", "CampusId", "PatientId", "DepartmentId", "ChannelIndex", "Channel", "Queue", "Priority", "State",
                "Paused", "DueFrom", "DueTo", "NextAttemptAt", "Attempts", "LastAttemptNumber", "MaxAttempts", "RetryIntervalMinutes",
                "ExpectedSeconds", "IdempotencyKey", "CreatedAt", "UpdatedAt", "Version")
            SELECT {hospital}, {campus}, {Patient("i")}, {department} + i % {departments}, 0, 1, 'ai-call', 0, CASE WHEN i % 10 = 0 THEN 0 ELSE 4 END,
                {f}, {Time("-i")}, {Time("-i + 2880")}, {Time("-i")}, 1, 1, 3, 60, 180, 'bench:' || i, {Time("-i")}, {Time("-i")}, 0
            {From(tasks)}
            """;
        await db.Database.ExecuteSqlRawAsync(tasksSql);
        var callsSql = Series(calls) + $"""
            INSERT INTO "Calls" ("HospitalId", "CampusId", "DepartmentId", "PatientId", "TaskId", "AttemptNumber", "EffectKey", "ScriptKey",
                "ScriptVersion", "Telephony", "Simulated", "NumberCipher", "NumberMasked", "Status", "StartedAt", "AnsweredAt", "EndedAt", "End",
                "AnsweredByFamily", "Inbound")
            SELECT {hospital}, {campus}, {department} + i % {departments}, {Patient("i")}, i, 1, 'bench:' || i || ':1', 'bench', 1, 'Simulated', {f},
                '', '138****0000', 2, {Time("-i")}, {Time("-i")}, {Time("-i + 3")}, 1, {f}, {f}
            {From(calls)}
            """;
        await db.Database.ExecuteSqlRawAsync(callsSql);
        // One to-do per 20 calls; the newest `open` still open, the rest closed; kinds, urgencies and assignees spread.
        var every = Math.Max(1, calls / todos);
        var todosSql = Series(todos) + $"""
            INSERT INTO "Todos" ("HospitalId", "DepartmentId", "PatientId", "Kind", "Urgency", "Reason", "Evidence", "CallId", "TurnIndex",
                "Source", "Status", "CreatedAt", "ClosedAt", "ClosedBy", "ClosedAction", "RuleKey", "AssignedToUserId", "Version")
            SELECT {hospital}, {department} + (i * {every}) % {departments}, {Patient($"i * {every}")}, 1 + i % 8,
                CASE WHEN i % 50 = 0 THEN 2 WHEN i % 5 = 0 THEN 1 ELSE 0 END, '体温≥38.5℃，可能有感染', '三十八度六',
                (SELECT MIN("Id") FROM "Calls") + i * {every} - 1, 3, 'ai-call',
                CASE WHEN i <= {open} THEN 0 ELSE 1 END, {Time($"-i * {every}")},
                CASE WHEN i <= {open} THEN NULL ELSE {Time($"-i * {every} + 120")} END, CASE WHEN i <= {open} THEN NULL ELSE '护士' END,
                CASE WHEN i <= {open} THEN NULL ELSE 1 END, 'trigger:bench:fever', CASE WHEN i % 3 = 0 THEN 'nurse-' || (i % 7) ELSE NULL END, 0
            {From(todos)}
            """;
        await db.Database.ExecuteSqlRawAsync(todosSql);
        await db.Database.CloseConnectionAsync();
    }
}

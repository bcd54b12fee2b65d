using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Organization;
using Suifang.Core.Patients.ListPatients;
using Suifang.Core.Security;

namespace Suifang.Bench;

/// patient-list: loads --patients synthetic patients (default 1,000,000) unless the database already holds them,
/// then runs --queries randomised page queries (default 200) per filter kind through PatientList and prints p50/p95/max.
/// Options: --provider sqlite|postgres, --data DIR (SQLite), --pg CONNECTION (PostgreSQL), --queries N, --reload,
/// --no-analyze, --kind NAME (one filter kind only), --sql (print every SQL command with its duration).
internal static class PatientListBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var patients = args.GetInt("patients", 1_000_000);
        var queries = args.GetInt("queries", 200);
        var database = await BenchDatabase.OpenAsync(args, $"suifang_bench_{patients}");
        var only = args.Get("kind", "");
        var protector = new SensitiveDataProtector(new byte[32]);
        var today = new DateTime(2026, 11, 30);
        Console.WriteLine($"patient-list on {database.Provider}, {patients:N0} patients, {queries} queries per kind");

        var hospital = await EnsureLoadedAsync(database, protector, patients, today, args.Has("reload"));
        if (!args.Has("no-analyze"))
            await AnalyzeAsync(database);

        var kinds = new ListQueryKinds(hospital.HospitalId, hospital.DepartmentIds, patients);
        Console.WriteLine($"{"kind",-16}{"p50 ms",10}{"p95 ms",10}{"max ms",10}{"rows/page",11}{"total (median)",16}");
        foreach (var (kind, next) in kinds.All.Where(k => only.Length == 0 || k.Kind == only))
        {
            database.LogSql = args.Has("sql");
            var times = new List<double>(queries);
            var rows = new List<int>(queries);
            var totals = new List<int>(queries);
            for (var i = 0; i < queries + 5; i++)
            {
                var (scope, query) = next();
                var watch = Stopwatch.StartNew();
                await using var db = database.NewContext();
                var result = await PatientList.RunAsync(db, protector, scope, query, DateOnly.FromDateTime(today));
                watch.Stop();
                if (i < 5)
                    continue; // warm-up: connection pool, EF query cache
                times.Add(watch.Elapsed.TotalMilliseconds);
                rows.Add(result.Value!.Items.Count);
                totals.Add(result.Value.Total);
            }
            times.Sort();
            totals.Sort();
            Console.WriteLine($"{kind,-16}{At(times, 0.50),10:F1}{At(times, 0.95),10:F1}{times[^1],10:F1}{rows.Average(),11:F1}{totals[totals.Count / 2],16:N0}");
        }
        return 0;
    }

    private static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    internal sealed record LoadedHospital(int HospitalId, int[] DepartmentIds);

    internal static async Task<LoadedHospital> EnsureLoadedAsync(BenchDatabase database, SensitiveDataProtector protector, int patients, DateTime today, bool reload)
    {
        if (!reload)
        {
            try
            {
                await using var existing = database.NewContext();
                // A database loaded under another schema (the migrations were regenerated since) is loaded again, so that
                // the figures are taken with the indexes the code ships with.
                var pending = (await existing.Database.GetPendingMigrationsAsync()).Any();
                if (pending)
                    Console.WriteLine("  the schema changed since the database was loaded: loading again");
                else if (await existing.Patients.CountAsync() == patients)
                {
                    var h = await existing.Hospitals.FirstAsync();
                    var ids = await existing.Departments.OrderBy(d => d.Id).Select(d => d.Id).ToArrayAsync();
                    Console.WriteLine("  reusing the loaded database (--reload to load again)");
                    return new LoadedHospital(h.Id, ids);
                }
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                // not created yet
            }
        }
        var watch = Stopwatch.StartNew();
        await database.ResetAsync();
        await using var db = database.NewContext();
        var hospital = new Hospital { Code = "BENCH", Name = "基准测试医院" };
        hospital.Campuses.Add(new Campus { Code = "MAIN", Name = "本院区" });
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();
        var departments = SyntheticHospital.Departments
            .Select((name, i) => new Department { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Code = $"D{i:D2}", Name = name }).ToList();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync();

        var deptIds = departments.Select(d => d.Id).ToArray();
        var generator = new SyntheticPatients(2026, today, deptIds.Length);
        var loader = new PatientLoader(database, protector, hospital.Id, hospital.Campuses[0].Id, deptIds);
        await loader.LoadAsync(Enumerable.Range(1, patients).Select(i => generator.Next(i)));
        Console.WriteLine($"  loaded {patients:N0} patients in {watch.Elapsed.TotalSeconds:F1} s");
        return new LoadedHospital(hospital.Id, deptIds);
    }

    internal static async Task AnalyzeAsync(BenchDatabase database)
    {
        var watch = Stopwatch.StartNew();
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync(database.Provider == Suifang.Core.Data.DatabaseProvider.Sqlite ? "ANALYZE" : "VACUUM ANALYZE");
        Console.WriteLine($"  ANALYZE (PostgreSQL: VACUUM ANALYZE, as autovacuum would) took {watch.Elapsed.TotalSeconds:F1} s");
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Contact;
using Suifang.Core.Organization;
using Suifang.Core.Pathways;
using Suifang.Core.Security;
using Suifang.Core.Tasks;

namespace Suifang.Bench;

/// The cost of one contact-gate check (IContactGate.CheckAsync), which the dispatcher pays once per leased task:
/// patients with a reached call, an SMS sent today and a due call each, 1% of them on the do-not-call list.
///   dotnet run -c Release --project bench/Suifang.Bench -- contact-gate --patients 20000 --checks 20000 --provider sqlite|postgres
internal static class ContactGateBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var patients = args.GetInt("patients", 20_000);
        var checks = args.GetInt("checks", 20_000);
        var database = await BenchDatabase.OpenAsync(args, "suifang_bench_contact");
        var protector = new SensitiveDataProtector(SensitiveDataProtector.NewMasterKey());
        var now = new DateTime(2026, 11, 30, 10, 0, 0);
        Console.WriteLine($"contact-gate on {database.Provider}: {patients:N0} patients, {checks:N0} checks");

        var watch = Stopwatch.StartNew();
        await database.ResetAsync();
        var (hospitalId, campusId, departmentIds) = await HospitalAsync(database);
        var generator = new SyntheticPatients(2026, now, departmentIds.Length);
        await new PatientLoader(database, protector, hospitalId, campusId, departmentIds).LoadAsync(Enumerable.Range(1, patients).Select(i => generator.Next(i)));
        var due = await TasksAsync(database, hospitalId, campusId, departmentIds[0], patients, now);
        Console.WriteLine($"  loaded in {watch.Elapsed.TotalSeconds:F1} s");

        database.LogSql = args.Has("sql");
        var gate = new ContactRulesGate(new ContactPolicies());
        var random = new Random(7);
        var times = new double[checks];
        var decisions = new Dictionary<string, int>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < checks; i += 100)
        {
            await using var db = database.NewContext();
            for (var k = i; k < Math.Min(checks, i + 100); k++)
            {
                var task = due[random.Next(due.Count)];
                var one = Stopwatch.StartNew();
                var decision = await gate.CheckAsync(db, task, now, CancellationToken.None);
                times[k] = one.Elapsed.TotalMilliseconds;
                var kind = decision.GetType().Name;
                decisions[kind] = decisions.GetValueOrDefault(kind) + 1;
            }
        }
        total.Stop();
        Array.Sort(times);
        Console.WriteLine($"  {checks / total.Elapsed.TotalSeconds:N0} checks/s on one thread; p50 {times[checks / 2]:F2} ms, p95 {times[checks * 95 / 100]:F2} ms, p99 {times[checks * 99 / 100]:F2} ms");
        Console.WriteLine($"  decisions: {string.Join(", ", decisions.Select(d => $"{d.Key} {d.Value}"))}");
        return 0;
    }

    private static async Task<(int, int, int[])> HospitalAsync(BenchDatabase database)
    {
        await using var db = database.NewContext();
        var hospital = new Hospital { Code = "BENCH", Name = "基准测试医院" };
        hospital.Campuses.Add(new Campus { Code = "MAIN", Name = "本院区" });
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();
        var departments = SyntheticHospital.Departments
            .Select((name, i) => new Department { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Code = $"D{i:D2}", Name = name }).ToList();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync();
        return (hospital.Id, hospital.Campuses[0].Id, departments.Select(d => d.Id).ToArray());
    }

    private static async Task<List<FollowUpTask>> TasksAsync(BenchDatabase database, int hospitalId, int campusId, int departmentId, int patients, DateTime now)
    {
        var due = new List<FollowUpTask>();
        for (var from = 1; from <= patients; from += 5_000)
        {
            await using var db = database.NewContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var id = from; id < Math.Min(patients + 1, from + 5_000); id++)
            {
                FollowUpTask Task(ChannelKind channel, TaskState state, params DateTime[] attempts)
                {
                    var t = new FollowUpTask
                    {
                        HospitalId = hospitalId, CampusId = campusId, PatientId = id, DepartmentId = departmentId, Channel = channel,
                        Queue = TaskQueues.For(channel), State = state, DueFrom = now.AddDays(-2), DueTo = now.AddDays(2), NextAttemptAt = now,
                        IdempotencyKey = "t:" + Guid.NewGuid().ToString("N"), CreatedAt = now, UpdatedAt = now,
                        FinishedAt = state == TaskState.Completed ? attempts[^1] : null,
                    };
                    for (var n = 0; n < attempts.Length; n++)
                        t.AttemptLog.Add(new TaskAttempt { Number = n + 1, StartedAt = attempts[n], EffectKey = $"{t.IdempotencyKey}:{n + 1}" });
                    return t;
                }
                db.Tasks.Add(Task(ChannelKind.AiCall, TaskState.Completed, now.AddDays(-5 - id % 20).AddHours(id % 7)));
                db.Tasks.Add(Task(ChannelKind.Sms, TaskState.Completed, now.AddHours(-1)));
                var call = Task(ChannelKind.AiCall, TaskState.Due);
                db.Tasks.Add(call);
                due.Add(call);
                if (id % 100 == 0)
                    db.DoNotContacts.Add(new DoNotContactEntry { HospitalId = hospitalId, PatientId = id, Reason = "本人要求", AddedAt = now, AddedBy = "bench" });
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        return due;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Calls;
using Suifang.Core.Contact;
using Suifang.Core.Organization;
using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Plans;
using Suifang.Core.Security;
using Suifang.Core.Tasks;
using Suifang.Integrations.Calls;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing.Calls;

namespace Suifang.Bench;

/// calls: --calls (default 500) simulated calls at once on one node through the real AI call channel and database:
/// the per-turn processing time (the patient's input → the agent's reply stored and ready to say) and the memory per
/// active call. The simulated network speaks at --ms-per-char and patients think for about --think-ms, so the calls
/// overlap as real ones do. The dialogue is the real engine with the offline Chinese understanding (--agent scripted: the
/// test double of Suifang.Testing).
internal static class CallsBench
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var calls = args.GetInt("calls", 500);
        var database = await BenchDatabase.OpenAsync(args, "suifang_bench_calls");
        await database.ResetAsync();
        var protector = new SensitiveDataProtector(SensitiveDataProtector.NewMasterKey());
        const int warmup = 10;
        var seeded = await SeedAsync(database, protector, calls + warmup);
        var tasks = seeded.Skip(warmup).ToList();

        var turnTimes = new ConcurrentBag<double>();
        var timeline = new ConcurrentBag<(double At, double Ms)>();
        var clock = Stopwatch.StartNew();
        long active = 0, peakActive = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (i.Meter.Name == CallMetrics.Name) l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<double>((_, v, _, _) => { turnTimes.Add(v); timeline.Add((clock.Elapsed.TotalSeconds, v)); });
        listener.SetMeasurementEventCallback<long>((_, v, _, _) =>
        {
            var now = Interlocked.Add(ref active, v);
            long seen;
            while (now > (seen = Interlocked.Read(ref peakActive)) && Interlocked.CompareExchange(ref peakActive, now, seen) != seen) { }
        });
        listener.Start();

        var mix = new PersonaMix
        {
            // Only personas that answer: the numbers never reached (空号, 关机, 停机, 无人接听, 占线) hold no active call.
            Weights = PersonaMix.Default.Weights.Where(w => w.Key is not (Persona.InvalidNumber or Persona.PoweredOff or Persona.OutOfService
                or Persona.NoAnswer or Persona.Busy)).ToDictionary(),
            NoAnswerPercent = 0, BusyPercent = 0, PoweredOffPercent = 0,
            // --asr-errors-percent N: ASR-like character errors in what the patients say (0 by default).
            AsrErrorRate = args.GetInt("asr-errors-percent", 0) / 100.0,
        };
        var pacing = new SimulatedPacing(RingMilliseconds: args.GetInt("ring-ms", 500), MillisecondsPerCharacter: args.GetInt("ms-per-char", 40),
            ThinkMilliseconds: args.GetInt("think-ms", 1500));
        // --agent real (default): the dialogue engine with the offline Chinese understanding; --agent scripted: the test double.
        Suifang.Agent.Dialogue.IConversationFactory conversations = args.Get("agent", "real") == "scripted"
            ? new ScriptedConversationFactory()
            : new Suifang.Agent.Dialogue.DialogueEngine(Suifang.Agent.Understanding.Chinese.ChineseUnderstander.Shared, new Suifang.Agent.Knowledge.KnowledgeIndex([]));
        Console.WriteLine($"dialogue: {(conversations is ScriptedConversationFactory ? "scripted test double" : "real engine + offline Chinese understanding")}");
        var channel = new AiCallChannel(database.NewContext, new SimulatedTelephony(11, mix, pacing), conversations,
            _ => new FixedScriptLibrary(), protector, new ContactPolicies(), () => Now, new CallsOptions());

        // Warm-up: a few calls first, so that JIT and EF Core's query compilation (once per query shape per process) are
        // not counted as turn time — a node that has been running has them done.
        await Task.WhenAll(seeded.Take(warmup).Select(t => channel.ExecuteAsync(new TaskExecution(t, 1, $"task:{t.Id}:attempt:1"), CancellationToken.None)));
        turnTimes.Clear();
        timeline.Clear();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        using var self = Process.GetCurrentProcess();
        var workingBefore = self.WorkingSet64;
        long heapAtPeak = 0, workingAtPeak = 0, activeAtSample = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            // Once every call is talking, take one full-collection sample: what the live calls hold, not garbage.
            while (!stop.IsCancellationRequested && Interlocked.Read(ref active) < calls * 9 / 10)
                await Task.Delay(20);
            if (stop.IsCancellationRequested)
                return;
            activeAtSample = Interlocked.Read(ref active);
            heapAtPeak = GC.GetTotalMemory(true);
            self.Refresh();
            workingAtPeak = self.WorkingSet64;
        });

        var wall = Stopwatch.StartNew();
        // Calls are placed over --ramp-ms (default 5 s), as a dispatcher filling its lines does; 0 starts all in one instant.
        var ramp = args.GetInt("ramp-ms", 5000);
        var outcomes = await Task.WhenAll(tasks.Select(async (t, i) =>
        {
            await Task.Delay(ramp * i / calls);
            return await channel.ExecuteAsync(new TaskExecution(t, 1, $"task:{t.Id}:attempt:1"), CancellationToken.None);
        }));
        wall.Stop();
        await stop.CancelAsync();
        await sampler;

        var times = turnTimes.Order().ToList();
        await using var db = database.NewContext();
        var warmTasks = seeded.Take(warmup).Select(t => t.Id).ToList();
        var ends = await db.Calls.Where(c => !warmTasks.Contains(c.TaskId)).GroupBy(c => c.End).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Console.WriteLine($"{database.Provider}: {calls} simulated calls through the AI call channel, placed over {ramp} ms; {wall.Elapsed.TotalSeconds:F1} s wall");
        Console.WriteLine($"endings: {string.Join(", ", ends.OrderBy(e => e.Key).Select(e => $"{CallText.End(e.Key)} {e.Count}"))}");
        Console.WriteLine($"turns: {times.Count}; turn processing p50 {P(times, 0.50):F1} ms, p95 {P(times, 0.95):F1} ms, p99 {P(times, 0.99):F1} ms, max {times.LastOrDefault():F1} ms");
        Console.WriteLine($"active calls: peak {peakActive}, sampled at {activeAtSample}");
        if (activeAtSample > 0)
            Console.WriteLine($"memory per active call: managed heap {(heapAtPeak - heapBefore) / (double)activeAtSample / 1024:F0} KiB, " +
                $"working set {(workingAtPeak - workingBefore) / (double)activeAtSample / 1024:F0} KiB");
        if (args.Has("timeline"))
            foreach (var g in timeline.GroupBy(t => (int)(t.At / 2)).OrderBy(g => g.Key))
            {
                var w = g.Select(t => t.Ms).Order().ToList();
                Console.WriteLine($"  {g.Key * 2,3}s: {w.Count,4} turns, p50 {P(w, 0.5):F0} ms, p95 {P(w, 0.95):F0} ms");
            }
        Console.WriteLine($"outcomes: {string.Join(", ", outcomes.GroupBy(o => o.Kind).Select(g => $"{g.Key} {g.Count()}"))}");
        return 0;
    }

    private static async Task<List<FollowUpTask>> SeedAsync(BenchDatabase database, SensitiveDataProtector protector, int count)
    {
        await using var db = database.NewContext();
        db.Actor = AuditActor.System("bench");
        var hospital = new Hospital { Code = "B1", Name = "压测医院" };
        hospital.Campuses.Add(new Campus { Code = "C1", Name = "本院区" });
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();
        var department = new Department { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Code = "XNK", Name = "心血管内科" };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        var patients = new List<Patient>();
        for (var i = 0; i < count; i++)
        {
            var p = new Patient { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Name = "患者" + i, Source = PatientSource.Demo, CreatedAt = Now, UpdatedAt = Now };
            p.SetPhone(protector.Protect(SensitiveKind.Phone, $"139{i:D8}"));
            p.IdentityKey = "bench:" + i;
            patients.Add(p);
        }
        db.Patients.AddRange(patients);
        await db.SaveChangesAsync();
        var tasks = new List<FollowUpTask>();
        foreach (var p in patients)
        {
            var plan = new FollowUpPlan { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, PatientId = p.Id, DepartmentId = department.Id,
                Source = PlanSource.Manual, AnchorTime = Now.AddDays(-3), CreatedAt = Now };
            var step = new PlanStep { Title = "出院后3天", Label = "D+3", DueFrom = Now, DueTo = Now.AddDays(2), Questions = CallWorld.Questions(),
                Triggers = CallWorld.Triggers(), Channels = [new ChannelStep { Kind = ChannelKind.AiCall }] };
            plan.Steps.Add(step);
            db.Plans.Add(plan);
            var task = StepTasks.Create(plan, step, 0, Now, Now);
            task.State = TaskState.Running;
            db.Tasks.Add(task);
            tasks.Add(task);
        }
        await db.SaveChangesAsync();
        return tasks;
    }

    private static double P(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}

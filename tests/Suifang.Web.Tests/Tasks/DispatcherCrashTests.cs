using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.Web.Tests.Tasks;

/// Process level (7.2.2): the real host (Suifang.Web.dll as a child process, SQLite, its own data folder) dispatches a
/// few hundred plan tasks through the simulated channel, is killed with SIGKILL in the middle, and restarted: no task is
/// lost, no effect key is carried out twice, one patient never has two effects at once, no step completes twice.
public sealed class DispatcherCrashTests
{
    private const int Patients = 300;

    [Fact]
    public async Task Host_killed_mid_dispatch_and_restarted_loses_no_task_and_repeats_no_effect()
    {
        await using var world = await TaskWorld.CreateAsync(DatabaseProvider.Sqlite);
        world.Now = HospitalClock.ChinaStandard().Now.AddMinutes(-5);
        var call = new ChannelStep { Kind = ChannelKind.AiCall, Redials = 1, RedialIntervalMinutes = 0 };
        foreach (var p in await world.PatientsAsync(Patients))
            await world.PlanAsync(p, world.Hospital.Cardiology.Id, call, new ChannelStep { Kind = ChannelKind.Sms }, new ChannelStep { Kind = ChannelKind.Manual });
        // This test is about the engine, not the contact rules (ContactRulesTests): contact is allowed at any hour.
        await using (var db = world.NewContext())
        {
            db.ContactSettings.Add(new Core.Contact.ContactSettings
            {
                HospitalId = world.Hospital.Hospital.Id,
                CallingHours = Enumerable.Repeat("00:00-24:00", 7).ToList(),
                DailyContactCap = 100,
                UpdatedAt = world.Now,
            });
            await db.SaveChangesAsync();
        }

        using (var first = StartHost(world))
        {
            try
            {
                await WaitUntilAsync(world, async db => await db.SimulatedEffects.CountAsync() >= 80, TimeSpan.FromSeconds(120), first);
            }
            finally
            {
                first.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush (and no host left running if the wait failed)
            }
            Assert.True(first.WaitForExit(30_000));
        }
        await using (var db = world.NewContext())
            Assert.True(await OpenAsync(db) > 0, "the host must be killed while tasks were still open");

        using var second = StartHost(world);
        try
        {
            await WaitUntilAsync(world, async db => await OpenAsync(db) == 0, TimeSpan.FromSeconds(180), second);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            second.WaitForExit(30_000);
        }

        await using var check = world.NewContext();
        var effects = await check.SimulatedEffects.AsNoTracking().ToListAsync();
        var attempts = await check.TaskAttempts.Select(a => a.EffectKey).ToListAsync();
        Assert.Equal(attempts.Order(), effects.Select(e => e.EffectKey).Order());
        Assert.All(effects, e => Assert.NotNull(e.EndedAt));
        foreach (var patient in effects.GroupBy(e => e.PatientId))
        {
            var ordered = patient.OrderBy(e => e.StartedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].StartedAt >= ordered[i - 1].EndedAt, $"patient {patient.Key}: two effects at once");
        }
        var steps = await check.PlanSteps.AsNoTracking().Select(s => new
        {
            s.Id, s.Status,
            Completed = check.Tasks.Count(t => t.PlanStepId == s.Id && t.State == TaskState.Completed),
        }).ToListAsync();
        Assert.Equal(Patients, steps.Count);
        Assert.All(steps, s => Assert.True(s.Completed <= 1));
        Assert.All(steps, s => Assert.Contains(s.Status, new[] { Core.Plans.StepStatus.Done, Core.Plans.StepStatus.Unreached }));
    }

    private static Task<int> OpenAsync(SuifangDbContext db) => db.Tasks.CountAsync(t =>
        t.State == TaskState.Pending || t.State == TaskState.Due || t.State == TaskState.Leased || t.State == TaskState.Running);

    private static async Task WaitUntilAsync(TaskWorld world, Func<SuifangDbContext, Task<bool>> done, TimeSpan limit, Process host)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            Assert.False(host.HasExited, $"the host stopped by itself (exit code {(host.HasExited ? host.ExitCode : 0)})");
            await using (var db = world.NewContext())
                if (await done(db))
                    return;
            await Task.Delay(100);
        }
        Assert.Fail($"not reached within {limit}");
    }

    private static Process StartHost(TaskWorld world)
    {
        var database = world.Hospital.Database;
        var info = new ProcessStartInfo("dotnet", [WebDll()])
        {
            WorkingDirectory = Path.GetDirectoryName(WebDll())!,
            UseShellExecute = false,
        };
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Suifang__DataDirectory"] = database.Directory!,
            ["Suifang__AdminPassword"] = SuifangWebFactory.AdminPassword,
            ["Suifang__DemoData"] = "false",
            ["Suifang__HospitalCode"] = "H1",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = database.ConnectionString,
            ["Tasks__LeaseSeconds"] = "3",
            ["Tasks__MaintenanceSeconds"] = "1",
            ["Tasks__PollMilliseconds"] = "100",
            ["Tasks__SimulatedEffectMilliseconds"] = "40",
            // The engine's crash semantics are measured on the simulated channel's effect log: no AI call channel here.
            ["Calls__Telephony"] = "None",
            ["Sms__TaskChannelEnabled"] = "false",
            ["Logging__LogLevel__Default"] = "Error",
        };
        foreach (var (k, v) in env)
            info.Environment[k] = v;
        return Process.Start(info)!;
    }

    /// The host as built next to this test (same configuration): src/Suifang.Web/bin/<configuration>/net10.0.
    private static string WebDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = dir.Parent!.Name; // bin/<configuration>/net10.0
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "Suifang.Web")))
            dir = dir.Parent;
        var dll = Path.Combine(dir!.FullName, "src", "Suifang.Web", "bin", configuration, "net10.0", "Suifang.Web.dll");
        Assert.True(File.Exists(dll), $"build the host first: {dll}");
        return dll;
    }
}

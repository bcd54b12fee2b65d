using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Agent.Scripts;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Scripts;
using Suifang.Core.Scripts.Editing;
using Suifang.Core.Scripts.Templates;
using Suifang.Integrations.Scripts;
using Suifang.Testing;
using Suifang.Web.Scripts;

namespace Suifang.Integrations.Tests.Scripts;

/// IScriptLibrary over the database: the newest published version of a key as the agent's Script, a given version for
/// traceability (7.2.5.2), cached and cleared when the editor publishes.
public sealed class ScriptLibraryTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0);

    private sealed record World(TestHospital H, ServiceProvider Services) : IAsyncDisposable
    {
        public ScriptLibraries Libraries => Services.GetRequiredService<ScriptLibraries>();
        public IScriptLibrary Library => Libraries.For(H.Hospital.Id);

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await H.DisposeAsync();
        }
    }

    private static async Task<World> StartAsync(DatabaseProvider provider)
    {
        var h = await TestHospital.CreateAsync(provider);
        await using (var db = h.Database.NewContext())
            await new ScriptTemplateLoader(db, () => Now).EnsureAsync(h.Hospital.Id);
        var services = new ServiceCollection()
            .AddScoped(_ => h.Database.NewContext())
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ScriptLibraries>()
            .AddSingleton<IScriptContentChecker, AgentScriptChecker>()
            .AddSingleton(Suifang.Core.Common.HospitalClock.ChinaStandard())
            .AddSingleton<ScriptCommands>()
            .BuildServiceProvider();
        return new World(h, services);
    }

    private static StaffScope Nurse(TestHospital h) =>
        new("nurse-id", "护士乙", h.Hospital.Id, false, new HashSet<int> { h.Cardiology.Id }, new HashSet<string> { Roles.Nurse });

    [Theory, ClassData(typeof(Providers))]
    public async Task The_library_gives_the_published_template_as_the_agent_s_script_with_the_department_s_name(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);

        var script = await w.Library.FindAsync("pci-discharge", CancellationToken.None);
        var missing = await w.Library.FindAsync("no-such-script", CancellationToken.None);

        Assert.NotNull(script);
        Assert.Equal((1, "心血管内科", ScriptPurpose.Discharge), (script.Version, script.Department, script.Purpose));
        Assert.Contains("AI智能随访助手", script.Opening);
        Assert.Equal("chest_pain", script.Questions[0].Key);
        Assert.Null(missing);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Publishing_a_new_version_is_seen_by_the_next_call_while_the_used_version_stays_findable(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        Assert.Equal(1, (await w.Library.FindAsync("pci-discharge", CancellationToken.None))!.Version);
        int id;
        await using (var db = w.H.Database.NewContext())
        {
            id = await db.Scripts.Where(s => s.Key == "pci-discharge").Select(s => s.Id).SingleAsync();
            await ScriptUsage.MarkUsedAsync(db, id, Now);
        }
        var v1 = (await w.Library.FindAsync("pci-discharge", CancellationToken.None))!;
        var edited = v1 with { Closing = "好的，问题问完了。祝您早日康复，再见！" };
        var input = new ScriptInput { Name = "PCI 出院随访", DepartmentId = w.H.Cardiology.Id, Purpose = ScriptRecordPurpose.Discharge, Json = ScriptJson.Serialize(edited) };

        var commands = w.Services.GetRequiredService<ScriptCommands>();
        await using var db2 = w.H.Database.NewContext();
        var saved = await commands.EditAsync(db2, id, input, Nurse(w.H));
        var published = await commands.PublishAsync(db2, saved.ScriptId!.Value, Nurse(w.H));

        Assert.True(published.Succeeded, published.Message);
        var now = await w.Library.FindAsync("pci-discharge", CancellationToken.None);
        var old = await w.Library.FindAsync("pci-discharge", 1, CancellationToken.None);
        Assert.Equal((2, "好的，问题问完了。祝您早日康复，再见！"), (now!.Version, now.Closing));
        Assert.Equal(1, old!.Version);
        Assert.NotEqual(now.Closing, old.Closing);
        await using var db3 = w.H.Database.NewContext();
        var stored = await db3.Scripts.AsNoTracking().SingleAsync(s => s.Id == saved.ScriptId);
        Assert.Contains("祝您早日康复", stored.Json);
        Assert.Contains(await db3.AuditLog.Select(a => a.Summary).ToListAsync(), s => s == "发布话术：pci-discharge v2");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_draft_is_not_given_to_calls_until_it_is_published(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        await using var db = w.H.Database.NewContext();
        var commands = w.Services.GetRequiredService<ScriptCommands>();
        var json = ScriptTemplates.All.Single(t => t.Key == "stroke-discharge").Json;
        var created = await commands.CreateAsync(db, new ScriptInput { Name = "心内科脑卒中随访", DepartmentId = w.H.Cardiology.Id, Json = json }, Nurse(w.H));

        Assert.Null(await w.Library.FindAsync(created.Key!, CancellationToken.None));
        Assert.NotNull(await w.Library.FindAsync(created.Key!, 1, CancellationToken.None));
        await commands.PublishAsync(db, created.ScriptId!.Value, Nurse(w.H));
        Assert.Equal(created.Key, (await w.Library.FindAsync(created.Key!, CancellationToken.None))!.Key);
    }
}

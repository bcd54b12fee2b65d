using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Common;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Security;
using Suifang.Core.Tasks;
using Suifang.Integrations.Calls;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Calls;

/// The call pages and /api/calls: scoped to the caller's departments, numbers masked, opening a call and hearing its
/// recording audited (5.1.7), no recording for simulated calls.
public sealed class CallsWebTests
{
    private sealed record World(SuifangWebFactory App, HttpClient Supervisor, HttpClient CardiologyNurse, HttpClient NeurologyNurse,
        int Cardiology, int Neurology, DateTime Now) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<World> StartAsync(DatabaseProvider provider)
    {
        var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        var neurology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.xnk", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "hs.sjnk", Roles.Nurse, "SJNK");
        await StaffAccounts.CreateAsync(app.Services, "jg.all", Roles.Supervisor);
        return new World(app, await AdminClients.SignedInAsync(app, "jg.all", StaffAccounts.Password),
            await AdminClients.SignedInAsync(app, "hs.xnk", StaffAccounts.Password), await AdminClients.SignedInAsync(app, "hs.sjnk", StaffAccounts.Password),
            cardiology.Id, neurology.Id, HospitalClock.ChinaStandard().Now);
    }

    /// A call of a new patient of the department through the AI call channel (simulated network, scripted dialogue).
    private static async Task<(long CallId, string Phone)> CallAsync(World w, int departmentId, Persona persona)
    {
        var phone = $"137{Random.Shared.Next(10_000_000, 99_999_999)}";
        var patient = await HostPatients.AddAsync(w.App.Services, p => p.WithPhone(phone).DischargedOn(w.Now.AddDays(-3), departmentId));
        return (await HostCalls.CallAsync(w.App.Services, patient.Id, patient.HospitalId, patient.CampusId, departmentId, persona, w.Now), phone);
    }

    private static async Task<List<long>> IdsAsync(HttpClient client, string query = "")
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/calls" + query);
        return page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_call_list_shows_only_the_nurses_departments_with_masked_numbers(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var (cardiology, phone) = await CallAsync(w, w.Cardiology, Persona.Cooperative);
        var (neurology, _) = await CallAsync(w, w.Neurology, Persona.Refuses);

        Assert.Equal([cardiology], await IdsAsync(w.CardiologyNurse));
        Assert.Equal([neurology], await IdsAsync(w.NeurologyNurse));
        Assert.Equal([cardiology, neurology], (await IdsAsync(w.Supervisor)).Order().ToArray());
        Assert.Equal([cardiology], await IdsAsync(w.Supervisor, $"?department={w.Cardiology}"));
        Assert.Equal([cardiology], await IdsAsync(w.Supervisor, $"?end={CallEnd.Completed}"));
        Assert.Empty(await IdsAsync(w.Supervisor, $"?from={w.Now.AddDays(1):yyyy-MM-dd}"));

        var html = await w.CardiologyNurse.GetStringAsync("/calls");
        Assert.Contains(Masking.MaskPhone(phone), html);
        Assert.DoesNotContain(phone, html);
        Assert.Contains("模拟", html);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_call_opens_with_transcript_results_and_todos_for_its_department_only_and_the_opening_is_audited(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var (id, phone) = await CallAsync(w, w.Cardiology, Persona.Feverish);

        var detail = await w.CardiologyNurse.GetFromJsonAsync<JsonElement>($"/api/calls/{id}");
        Assert.Contains(detail.GetProperty("turns").EnumerateArray(), t => t.GetProperty("text").GetString()!.Contains("三十八度六"));
        Assert.Contains(detail.GetProperty("results").EnumerateArray(), r => r.GetProperty("value").GetString() == "38.6");
        Assert.Contains(detail.GetProperty("todos").EnumerateArray(), t => t.GetProperty("reason").GetString() == "体温≥38.5℃，可能有感染");
        Assert.Equal("", detail.GetProperty("call").GetProperty("numberCipher").GetString());
        Assert.DoesNotContain(phone, detail.GetRawText());

        Assert.Equal(HttpStatusCode.Forbidden, (await w.NeurologyNurse.GetAsync($"/api/calls/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.CardiologyNurse.GetAsync("/api/calls/999999")).StatusCode);

        await using var scope = w.App.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<SuifangDbContext>().AuditLog.AsNoTracking()
            .Where(a => a.EntityType == nameof(Call) && a.EntityId == id.ToString()).ToListAsync();
        Assert.Contains(audit, a => a.Action == "view" && a.UserName == "hs.xnk");
        Assert.Contains(audit, a => a.Action == "view" && a.Summary.Contains("被拒绝"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_recording_streams_to_its_department_and_a_simulated_call_has_none(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var (id, _) = await CallAsync(w, w.Cardiology, Persona.Cooperative);

        var none = await w.CardiologyNurse.GetAsync($"/api/calls/{id}/recording");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Contains("模拟通话的录音在通话结束后由对话记录合成", await none.Content.ReadAsStringAsync());

        var wav = Path.Combine(w.App.Database.Directory!, "call.wav");
        await File.WriteAllBytesAsync(wav, [.. "RIFF"u8, .. new byte[60]]);
        await using (var scope = w.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SuifangDbContext>().Calls.Where(c => c.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordingPath, wav));

        var audio = await w.CardiologyNurse.GetAsync($"/api/calls/{id}/recording");
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType!.MediaType);
        Assert.Equal(64, (await audio.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.NeurologyNurse.GetAsync($"/api/calls/{id}/recording")).StatusCode);
        await using var check = w.App.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<SuifangDbContext>().AuditLog
            .AnyAsync(a => a.EntityType == nameof(Call) && a.Summary.Contains("收听通话")));
    }
}

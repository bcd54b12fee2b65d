using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Agent.Telephony;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Calls;

/// 呼入 in the host: the handler is wired to the telephony's lines, inbound calls carry the 呼入 marker in /calls and the
/// patient archive, and unknown callers are listed for hospital-wide staff only (department scope), on both providers.
public sealed class InboundCallsWebTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task An_unknown_caller_reaches_the_hosts_handler_and_is_listed_for_hospital_wide_staff_only(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.xnk", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "jg.all", Roles.Supervisor);
        var telephony = Assert.IsType<SimulatedTelephony>(app.Services.GetRequiredService<ITelephony>());

        Assert.True(await telephony.CallInAsync("13655556666", CancellationToken.None)); // the host registered its handler

        var supervisor = await (await AdminClients.SignedInAsync(app, "jg.all", StaffAccounts.Password)).GetStringAsync("/calls");
        Assert.Contains("未识别来电 1 个", supervisor);
        Assert.Contains("136****6666", supervisor);
        Assert.DoesNotContain("13655556666", supervisor);
        var nurse = await (await AdminClients.SignedInAsync(app, "hs.xnk", StaffAccounts.Password)).GetStringAsync("/calls");
        Assert.DoesNotContain("未识别来电", nurse);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        Assert.Equal(InboundResult.UnknownNumber, (await db.InboundCalls.SingleAsync()).Result);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "call.inbound"));
        Assert.True(await db.AuditLog.AnyAsync(a => a.EntityType == nameof(InboundCall) && a.UserName == "jg.all"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_inbound_call_is_marked_in_the_call_list_the_call_page_and_the_patient_archive(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.xnk", Roles.Nurse, "XNK");
        var now = HospitalClock.ChinaStandard().Now;
        var patient = await HostPatients.AddAsync(app.Services, p => p.WithPhone("13744445555").DischargedOn(now.AddDays(-3), cardiology.Id));
        var id = await HostCalls.CallAsync(app.Services, patient.Id, patient.HospitalId, patient.CampusId, cardiology.Id, Persona.Cooperative, now);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SuifangDbContext>().Calls.Where(c => c.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Inbound, true));
        var nurse = await AdminClients.SignedInAsync(app, "hs.xnk", StaffAccounts.Password);

        Assert.Contains(">呼入<", Squeeze(await nurse.GetStringAsync("/calls")));
        // The call page renders its card after loading (CallSummaryCard shows the chip from this field).
        var detail = await nurse.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/calls/{id}");
        Assert.True(detail.GetProperty("call").GetProperty("inbound").GetBoolean());
        // The archive's 随访结果 (PatientResultsSection, rendered after loading) reads these rows.
        await using var check = app.Services.CreateAsyncScope();
        var results = await global::Suifang.Web.Calls.CallQueries.PatientResultsAsync(check.ServiceProvider.GetRequiredService<SuifangDbContext>(), patient.Id, 50, CancellationToken.None);
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Inbound));
    }

    private static string Squeeze(string html) => System.Text.RegularExpressions.Regex.Replace(html, @">\s+|\s+<", m => m.Value.Trim());
}

using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Testing;

namespace Suifang.Web.Tests.Admin;

public sealed class AuditApiTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task The_audit_log_is_listed_newest_first_and_filtered(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        var admin = await AdminClients.AdminAsync(app);
        await AdminClients.DepartmentAsync(admin, "XNK", "心血管内科");
        await AdminClients.DepartmentAsync(admin, "GK", "骨科");

        var all = await admin.GetFromJsonAsync<PagedResult<AuditEntry>>("/api/audit?pageSize=2");
        Assert.Equal(2, all!.Items.Count);
        Assert.True(all.Total >= 3);
        Assert.True(all.Items[0].Id > all.Items[1].Id);
        Assert.Contains("骨科", all.Items[0].Summary);

        var logins = await admin.GetFromJsonAsync<PagedResult<AuditEntry>>("/api/audit?action=login&user=it.admin");
        Assert.All(logins!.Items, e => Assert.Equal("login", e.Action));
        Assert.Equal(1, logins.Total);
        var today = HospitalClock.ChinaStandard().Today;
        var tomorrow = await admin.GetFromJsonAsync<PagedResult<AuditEntry>>($"/api/audit?from={today.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(0, tomorrow!.Total);
        var one = await admin.GetFromJsonAsync<AuditEntry>($"/api/audit/{all.Items[0].Id}");
        Assert.Equal(all.Items[0].Hash, one!.Hash);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_verify_api_reports_an_intact_chain_and_then_the_entry_that_was_tampered_with(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        var admin = await AdminClients.AdminAsync(app);
        await AdminClients.DepartmentAsync(admin, "XNK", "心血管内科");
        await AdminClients.DepartmentAsync(admin, "GK", "骨科");

        var intact = await (await admin.PostAsync("/api/audit/verify", null)).Content.ReadFromJsonAsync<AuditVerification>();
        Assert.True(intact!.Intact, intact.Message);
        Assert.Contains("哈希链完整", intact.Message);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditLog\" SET \"Summary\" = '新建科室 改过的' WHERE \"Id\" = 2");
        }
        var broken = await (await admin.PostAsync("/api/audit/verify", null)).Content.ReadFromJsonAsync<AuditVerification>();
        Assert.False(broken!.Intact);
        Assert.Equal(2, broken.FirstBrokenId);
        Assert.Contains("被修改过", broken.Message);
    }
}

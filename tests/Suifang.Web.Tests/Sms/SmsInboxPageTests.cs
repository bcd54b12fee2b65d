using System.Text;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Testing;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Sms;

/// A patient's reply pushed by the provider shows in the SMS inbox of the nurses of the patient's department, masked,
/// with what the platform did; nurses of other departments do not see it.
public sealed class SmsInboxPageTests
{
    private const string Secret = "5e8a1c3f7b2d9e4a6c0f8b1d3e5a7c9f2b4d6e8a0c1f3b5d7e9a2c4f6b8d0e1a";

    [Fact]
    public async Task A_pushed_reply_appears_masked_in_the_inbox_of_the_patients_department_only()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Sms:Callback:Secret"] = Secret, ["Sms:SenderEnabled"] = "false" });
        var xnk = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await HostPatients.AddAsync(app.Services, b => b.Named("张伟").WithPhone("13700001111").DischargedOn(DateTime.Today.AddDays(-5), xnk.Id));
        await StaffAccounts.CreateAsync(app.Services, "nurse.x", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "nurse.s", Roles.Nurse, "SJNK");
        var time = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var pushed = await app.CreateClient().PostAsync($"/hooks/sms/tencent/{Secret}/reply", new StringContent(
            $$"""{"extend":"","mobile":"13700001111","nationcode":"86","sign":"第一人民医院","text":"伤口这两天有点疼","time":{{time}}}""",
            Encoding.UTF8, "application/json"));

        pushed.EnsureSuccessStatusCode();
        var mine = await (await AdminClients.SignedInAsync(app, "nurse.x", StaffAccounts.Password)).GetStringAsync("/sms/inbox");
        Assert.Contains("伤口这两天有点疼", mine);
        Assert.Contains("137****1111", mine);
        Assert.Contains("诉不适", mine);
        Assert.Contains("已生成待办", mine);
        Assert.DoesNotContain("13700001111", mine);
        var other = await (await AdminClients.SignedInAsync(app, "nurse.s", StaffAccounts.Password)).GetStringAsync("/sms/inbox");
        Assert.DoesNotContain("伤口这两天有点疼", other);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Sms;
using Suifang.Core.Tasks.Engine;
using Suifang.Testing;
using Suifang.Web.Sms;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Sms;

public sealed class SmsApiTests
{
    private const string Token = "abcdefghjkmnpqrstuvwxyz23456789ab";

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_sees_only_her_departments_messages_masked_and_her_looking_is_audited(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        var xnk = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        var sjnk = await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        var day = new DateTime(2026, 11, 20, 10, 0, 0);
        var mine = await HostPatients.AddAsync(app.Services, b => b.Named("王建国").WithPhone("13712345678").DischargedOn(day, xnk.Id));
        var other = await HostPatients.AddAsync(app.Services, b => b.Named("李秀英").WithPhone("13787654321").DischargedOn(day, sjnk.Id));
        var outbox = app.Services.GetRequiredService<ISmsOutbox>();
        await outbox.SendAsync(new SmsSend(mine.HospitalId, mine.Id, "【一院】王建国您好，请填写问卷 https://sf.example.cn/q/" + Token, SmsPurpose.QuestionnaireLink, "t1"), CancellationToken.None);
        await outbox.SendAsync(new SmsSend(other.HospitalId, other.Id, "【一院】李秀英您好，请按时服药。", SmsPurpose.FollowUp, "t2"), CancellationToken.None);
        await StaffAccounts.CreateAsync(app.Services, "nurse.s", Roles.Nurse, "XNK");
        var nurse = await AdminClients.SignedInAsync(app, "nurse.s", StaffAccounts.Password);

        var page = (await nurse.GetFromJsonAsync<SmsPage>("/api/sms/messages", Json))!;

        var row = Assert.Single(page.Rows);
        Assert.Equal("王建国", row.PatientName);
        Assert.Equal("137****5678", row.PhoneMasked);
        var body = await nurse.GetStringAsync("/api/sms/messages");
        Assert.DoesNotContain("13712345678", body);
        // The link's token is masked wherever staff read message text (anyone holding it could open the questionnaire).
        Assert.DoesNotContain(Token, body);
        Assert.EndsWith("/q/abcd****", row.Text);
        Assert.NotEmpty((await nurse.GetFromJsonAsync<List<SmsHistoryRow>>($"/api/sms/messages/{row.Id}/history", Json))!);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext();
        var otherId = await db.SmsMessages.Where(m => m.PatientId == other.Id).Select(m => m.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.GetAsync($"/api/sms/messages/{otherId}/history")).StatusCode);
        Assert.Contains(db.AuditLog, a => a.EntityType == "SmsMessage" && a.UserName == "nurse.s");
        Assert.False(app.Services.GetRequiredService<TaskChannelSet>().IsSimulated(ChannelKind.Sms));
    }

    [Fact]
    public async Task A_reply_TD_recorded_by_a_nurse_opts_the_number_out_of_SMS_but_not_out_of_calls()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var xnk = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        var patient = await HostPatients.AddAsync(app.Services, b => b.Named("张伟").WithPhone("13700001111").DischargedOn(new DateTime(2026, 11, 20), xnk.Id));
        await StaffAccounts.CreateAsync(app.Services, "nurse.t", Roles.Nurse, "XNK");
        var nurse = await AdminClients.SignedInAsync(app, "nurse.t", StaffAccounts.Password);

        var bad = await nurse.PostAsJsonAsync("/api/sms/replies", new SmsReplyInput("12", "TD"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("11 位手机号", await bad.Content.ReadAsStringAsync());
        var reply = await nurse.PostAsJsonAsync("/api/sms/replies", new SmsReplyInput("137-0000-1111", "退订"));
        Assert.True((await reply.Content.ReadFromJsonAsync<SmsReplyOutcome>(Json))!.OptedOut);

        var result = await app.Services.GetRequiredService<ISmsOutbox>().SendAsync(
            new SmsSend(patient.HospitalId, patient.Id, "【一院】张伟您好。", SmsPurpose.Education, "e1"), CancellationToken.None);
        Assert.Equal(SmsSendStatus.Blocked, result.Status);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext();
        Assert.Null(await DoNotContactList.ReasonForAsync(db, patient.HospitalId, patient.Id, CancellationToken.None));
        Assert.NotNull(await DoNotContactList.ReasonForAsync(db, patient.HospitalId, patient.Id, sms: true, CancellationToken.None));
    }

    [Fact]
    public async Task The_template_check_answers_in_chinese_what_a_reminder_is_missing()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var admin = await AdminClients.AdminAsync(app);

        var response = await admin.PostAsJsonAsync("/api/sms/templates/check", new SmsCheckInput("{患者姓名}您好，请记得复诊。", SmsPurpose.Reminder), Json);

        var report = (await response.Content.ReadFromJsonAsync<SmsCheckReport>(Json))!;
        Assert.False(report.CanSave);
        Assert.Contains(report.Findings, f => f.Message.Contains("写明时间"));
        Assert.Contains(report.Findings, f => f.Message.Contains("写明地点"));
    }
}

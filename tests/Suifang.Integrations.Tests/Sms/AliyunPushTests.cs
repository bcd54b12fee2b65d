using System.Net;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Integrations.Tests.Sms;

/// 阿里云 HTTP 批量推送 to the running app: SmsReport (receipts) and SmsUp (replies) as Aliyun documents them (JSON
/// arrays, snake_case fields); the answer Aliyun checks is {"code":0,...} with HTTP 200 (5.1.4 SMS channel, 5.2.2 opt-out).
public sealed class AliyunPushTests
{
    private const string Report = $"/hooks/sms/aliyun/{SmsPushWorld.Secret}/report";
    private const string Up = $"/hooks/sms/aliyun/{SmsPushWorld.Secret}/up";

    private static string ReportJson(params (string BizId, bool Success, string Code)[] items) =>
        "[" + string.Join(",", items.Select(i => $$"""
            {"phone_number":"13812341234","send_time":"2026-11-30 09:00:00","report_time":"2026-11-30 09:00:05","success":{{(i.Success ? "true" : "false")}},
             "err_code":"{{i.Code}}","err_msg":"{{(i.Success ? "用户接收成功" : "空号")}}","sms_size":"1","biz_id":"{{i.BizId}}","out_id":"42"}
            """)) + "]";

    private static string UpJson(string phone, string content, string sendTime, long sequence) => $$"""
        [{"phone_number":"{{phone}}","send_time":"{{sendTime}}","content":"{{content}}","sign_name":"第一人民医院","dest_code":"1234","sequence_id":{{sequence}}}]
        """;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_pushed_report_settles_messages_by_biz_id_and_the_same_push_again_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await SmsPushWorld.StartAsync(provider);
        var wang = await world.PatientAsync("王建国", "13812341234");
        var li = await world.PatientAsync("李秀英", "13900000000");
        var delivered = await world.SentAsync(wang, "阿里云", "900619^0");
        var failed = await world.SentAsync(li, "阿里云", "900620^0");
        var json = ReportJson(("900619^0", true, "DELIVERED"), ("900620^0", false, "MK:0001"), ("999999^0", true, "DELIVERED"));

        var first = await world.PostAsync(Report, json);
        var again = await world.PostAsync(Report, json);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"code":0,"msg":"成功"}""", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var db = world.Db();
        var ok = await db.SmsMessages.Include(m => m.History).SingleAsync(m => m.Id == delivered);
        Assert.Equal(SmsSendStatus.Delivered, ok.Status);
        Assert.Equal(new DateTime(2026, 11, 30, 9, 0, 5), ok.FinishedAt);
        Assert.Equal(2, ok.History.Count);   // sent, delivered — not a second "delivered"
        var no = await db.SmsMessages.Include(m => m.History).SingleAsync(m => m.Id == failed);
        Assert.Equal(SmsSendStatus.Failed, no.Status);
        Assert.Contains("MK:0001", no.Detail);
        Assert.Equal(2, no.History.Count);
        Assert.DoesNotContain(world.Logs.Lines, l => l.Contains("13812341234") || l.Contains("13900000000"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_TD_reply_opts_the_number_out_of_sms_and_a_symptom_reply_raises_one_todo_even_when_pushed_twice(DatabaseProvider provider)
    {
        await using var world = await SmsPushWorld.StartAsync(provider);
        var wang = await world.PatientAsync("王建国", "13812341234");
        var zhao = await world.PatientAsync("赵强", "13712345678");
        var message = await world.SentAsync(wang, "阿里云", "900619^0");
        await world.SentAsync(zhao, "阿里云", "900620^0");
        var at = world.Now.ToString("yyyy-MM-dd HH:mm:ss");

        var optOut = await world.PostAsync(Up, UpJson("13712345678", "TD", at, 1001));
        var symptom = UpJson("13812341234", "伤口这两天有点疼，还发烧", at, 1002);
        await world.PostAsync(Up, symptom);
        var repeated = await world.PostAsync(Up, symptom);

        Assert.Equal("""{"code":0,"msg":"成功"}""", await optOut.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        await using var db = world.Db();
        var dnc = Assert.Single(db.DoNotContacts.Where(d => d.RemovedAt == null));
        Assert.Equal(DoNotContactScope.Sms, dnc.Scope);
        Assert.Equal(zhao.PhoneIndex, dnc.PhoneIndex);
        var reply = await db.SmsReplies.SingleAsync(r => r.PatientId == wang.Id);
        Assert.Equal(SmsReplyKind.Symptom, reply.Kind);
        Assert.Equal(message, reply.MessageId);
        Assert.Equal("138****1234", reply.PhoneMasked);
        Assert.NotEqual("13812341234", reply.PhoneCipher);
        var todo = Assert.Single(db.Todos);
        Assert.Equal(("sms", TodoKind.RedFlag, TodoUrgency.Urgent, wang.Id, world.DepartmentId), (todo.Source, todo.Kind, todo.Urgency, todo.PatientId, todo.DepartmentId));
        Assert.Equal(todo.Id, reply.TodoId);
        Assert.Contains("伤口这两天有点疼", todo.Evidence);
        Assert.Equal(2, await db.SmsReplies.CountAsync());
        Assert.DoesNotContain(world.Logs.Lines, l => l.Contains("13812341234") || l.Contains("13712345678"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_reply_from_a_number_no_patient_has_is_kept_unmatched_without_opt_out_or_todo(DatabaseProvider provider)
    {
        await using var world = await SmsPushWorld.StartAsync(provider);

        var response = await world.PostAsync(Up, UpJson("13600001111", "请给我回个电话", world.Now.ToString("yyyy-MM-dd HH:mm:ss"), 7));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = world.Db();
        var reply = await db.SmsReplies.SingleAsync();
        Assert.Null(reply.PatientId);
        Assert.Null(reply.HospitalId);
        Assert.Equal(SmsReplyKind.WantsToTalk, reply.Kind);
        Assert.Contains("没有找到", reply.Outcome);
        Assert.Empty(db.Todos);
        Assert.Empty(db.DoNotContacts);
    }
}

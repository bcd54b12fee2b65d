using System.Net;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Integrations.Tests.Sms;

/// 腾讯云短信 callbacks to the running app: 短信下发状态通知 (an array of reports matched by sid) and 短信回复 (one object,
/// time in Unix seconds); the answer Tencent checks is {"result":0,"errmsg":"OK"}.
public sealed class TencentPushTests
{
    private const string Status = $"/hooks/sms/tencent/{SmsPushWorld.Secret}/status";
    private const string Reply = $"/hooks/sms/tencent/{SmsPushWorld.Secret}/reply";

    private static string ReplyJson(string mobile, string text, DateTime beijing) => $$"""
        {"extend":"","mobile":"{{mobile}}","nationcode":"86","sign":"第一人民医院","text":"{{text}}","time":{{new DateTimeOffset(beijing, TimeSpan.FromHours(8)).ToUnixTimeSeconds()}}}
        """;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_status_callback_settles_by_sid_and_a_repeated_callback_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await SmsPushWorld.StartAsync(provider);
        var wang = await world.PatientAsync("王建国", "13812341234");
        var li = await world.PatientAsync("李秀英", "13900000000");
        var ok = await world.SentAsync(wang, "腾讯云", "5000:1045710669157053657849499619");
        var empty = await world.SentAsync(li, "腾讯云", "5000:1045710669157053657849499620");
        const string json = """
            [{"user_receive_time":"2026-11-30 09:00:04","nationcode":"86","mobile":"13812341234","report_status":"SUCCESS","errmsg":"DELIVRD","description":"用户短信送达成功","sid":"5000:1045710669157053657849499619"},
             {"user_receive_time":"2026-11-30 09:00:06","nationcode":"86","mobile":"13900000000","report_status":"FAIL","errmsg":"MK:0001","description":"空号","sid":"5000:1045710669157053657849499620"}]
            """;

        var first = await world.PostAsync(Status, json);
        await world.PostAsync(Status, json);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"result":0,"errmsg":"OK"}""", await first.Content.ReadAsStringAsync());
        await using var db = world.Db();
        var delivered = await db.SmsMessages.Include(m => m.History).SingleAsync(m => m.Id == ok);
        Assert.Equal((SmsSendStatus.Delivered, 2), (delivered.Status, delivered.History.Count));
        var failed = await db.SmsMessages.Include(m => m.History).SingleAsync(m => m.Id == empty);
        Assert.Equal((SmsSendStatus.Failed, 2), (failed.Status, failed.History.Count));
        Assert.Contains("空号", failed.Detail);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_退订_reply_goes_through_the_opt_out_and_a_wish_to_talk_raises_a_call_back_todo(DatabaseProvider provider)
    {
        await using var world = await SmsPushWorld.StartAsync(provider);
        var wang = await world.PatientAsync("王建国", "13812341234");
        var zhao = await world.PatientAsync("赵强", "13712345678");
        await world.SentAsync(wang, "腾讯云", "5000:1");
        await world.SentAsync(zhao, "腾讯云", "5000:2");

        var optOut = await world.PostAsync(Reply, ReplyJson("13712345678", "退订", world.Now));
        var talk = await world.PostAsync(Reply, ReplyJson("13812341234", "请医生给我回个电话，谢谢", world.Now));

        Assert.Equal("""{"result":0,"errmsg":"OK"}""", await optOut.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, talk.StatusCode);
        await using var db = world.Db();
        var dnc = Assert.Single(db.DoNotContacts);
        Assert.Equal((DoNotContactScope.Sms, zhao.PhoneIndex), (dnc.Scope, dnc.PhoneIndex));
        var todo = Assert.Single(db.Todos);
        Assert.Equal(("sms", TodoKind.Handoff, wang.Id), (todo.Source, todo.Kind, todo.PatientId));
        Assert.Equal(SmsReplyKind.OptOut, (await db.SmsReplies.SingleAsync(r => r.PatientId == zhao.Id)).Kind);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Integrations.Sms;
using Suifang.Testing;

namespace Suifang.Integrations.Tests.Sms;

/// The pull fallbacks of the running app's sender against local servers speaking the providers' APIs: Aliyun
/// QuerySendDetails only for messages still without a receipt after Sms:ReceiptPullAfterMinutes; Tencent
/// PullSmsSendStatus and PullSmsReplyStatus, where a throttled pull loses nothing and a reply pulled and pushed is one.
public sealed class SmsPullFallbackTests
{
    private static SmsProviderRequest Request(string phone, long id) =>
        new(id, phone, "【第一人民医院】您好，请按时服药。", "SMS_154950909", [new("患者姓名", "王建国")]);

    [Theory, ClassData(typeof(Providers))]
    public async Task Aliyun_is_asked_only_about_messages_without_a_receipt_after_the_set_time_and_a_throttled_query_settles_nothing(DatabaseProvider provider)
    {
        await using var server = await FakeAliyunSmsServer.StartAsync();
        await using var world = await SmsPushWorld.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Aliyun", ["Sms:Aliyun:Endpoint"] = server.Endpoint, ["Sms:Aliyun:AccessKeyId"] = FakeAliyunSmsServer.KeyId,
            ["Sms:Aliyun:AccessKeySecret"] = FakeAliyunSmsServer.KeySecret, ["Sms:Aliyun:SignName"] = "第一人民医院",
            ["Sms:ReceiptPullAfterMinutes"] = "120",
        });
        var aliyun = new AliyunSmsProvider(new HttpClient(), new AliyunSmsOptions
        {
            Endpoint = server.Endpoint, AccessKeyId = FakeAliyunSmsServer.KeyId, AccessKeySecret = FakeAliyunSmsServer.KeySecret, SignName = "第一人民医院",
        }, TimeSpan.FromSeconds(5));
        var wang = await world.PatientAsync("王建国", "13812341234");
        var li = await world.PatientAsync("李秀英", "13712345678");
        var oldBiz = (await aliyun.SendAsync(Request("13812341234", 1), CancellationToken.None)).ProviderMessageId!;
        var newBiz = (await aliyun.SendAsync(Request("13712345678", 2), CancellationToken.None)).ProviderMessageId!;
        var old = await world.SentAsync(wang, "阿里云", oldBiz, hoursAgo: 3);
        var recent = await world.SentAsync(li, "阿里云", newBiz, hoursAgo: 1);
        var sender = world.App.Services.GetRequiredService<SmsSender>();

        server.Mode = FakeSmsMode.Throttle;
        var throttled = await sender.PollReceiptsAsync(CancellationToken.None);
        server.Mode = FakeSmsMode.Ok;
        var settled = await sender.PollReceiptsAsync(CancellationToken.None);

        Assert.Equal((0, 1), (throttled, settled));
        Assert.DoesNotContain(newBiz, server.Queried);
        await using var db = world.Db();
        Assert.Equal(SmsSendStatus.Delivered, (await db.SmsMessages.SingleAsync(m => m.Id == old)).Status);
        Assert.Equal(SmsSendStatus.Sent, (await db.SmsMessages.SingleAsync(m => m.Id == recent)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Tencent_statuses_and_replies_are_pulled_once_a_throttled_pull_loses_nothing_and_a_pushed_copy_is_not_taken_again(DatabaseProvider provider)
    {
        await using var server = await FakeTencentSmsServer.StartAsync();
        await using var world = await SmsPushWorld.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Sms:Provider"] = "Tencent", ["Sms:Tencent:Endpoint"] = server.Endpoint, ["Sms:Tencent:SecretId"] = FakeTencentSmsServer.SecretId,
            ["Sms:Tencent:SecretKey"] = FakeTencentSmsServer.SecretKey, ["Sms:Tencent:SdkAppId"] = FakeTencentSmsServer.AppId,
            ["Sms:Tencent:SignName"] = "第一人民医院",
        });
        var tencent = new TencentSmsProvider(new HttpClient(), new TencentSmsOptions
        {
            Endpoint = server.Endpoint, SecretId = FakeTencentSmsServer.SecretId, SecretKey = FakeTencentSmsServer.SecretKey,
            SdkAppId = FakeTencentSmsServer.AppId, SignName = "第一人民医院",
        }, TimeSpan.FromSeconds(5));
        var wang = await world.PatientAsync("王建国", "13812341234");
        var serial = (await tencent.SendAsync(Request("13812341234", 1), CancellationToken.None)).ProviderMessageId!;
        var id = await world.SentAsync(wang, "腾讯云", serial);
        var at = new DateTimeOffset(world.Now.AddMinutes(-1), TimeSpan.FromHours(8));
        server.Replies.Add(("13812341234", "TD", at));
        var sender = world.App.Services.GetRequiredService<SmsSender>();

        server.PullThrottled = true;
        var throttled = (await sender.PollReceiptsAsync(CancellationToken.None), await sender.PollRepliesAsync(CancellationToken.None));
        server.PullThrottled = false;
        var pulled = (await sender.PollReceiptsAsync(CancellationToken.None), await sender.PollRepliesAsync(CancellationToken.None));
        var pushed = await world.PostAsync($"/hooks/sms/tencent/{SmsPushWorld.Secret}/reply",
            $$"""{"extend":"","mobile":"13812341234","nationcode":"86","sign":"第一人民医院","text":"TD","time":{{at.ToUnixTimeSeconds()}}}""");

        Assert.Equal((0, 0), throttled);
        Assert.Equal((1, 1), pulled);
        Assert.Equal(4, server.Pulls);
        Assert.Equal(System.Net.HttpStatusCode.OK, pushed.StatusCode);
        await using var db = world.Db();
        Assert.Equal(SmsSendStatus.Delivered, (await db.SmsMessages.SingleAsync(m => m.Id == id)).Status);
        var reply = await db.SmsReplies.SingleAsync();
        Assert.Equal((SmsReplyKind.OptOut, wang.Id), (reply.Kind, reply.PatientId));
        Assert.Equal(DoNotContactScope.Sms, (await db.DoNotContacts.SingleAsync()).Scope);
    }
}

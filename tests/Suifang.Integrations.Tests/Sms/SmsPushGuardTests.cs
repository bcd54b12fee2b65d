using System.Net;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Integrations.Sms;
using Suifang.Testing;

namespace Suifang.Integrations.Tests.Sms;

/// The push endpoints are anonymous by the providers' design; the secret path, the source allow-list and the size limit
/// keep strangers from settling messages or opting patients out.
public sealed class SmsPushGuardTests
{
    private const string Report = """[{"phone_number":"13812341234","success":true,"err_code":"DELIVERED","biz_id":"900619^0","report_time":"2026-11-30 09:00:05"}]""";

    [Theory, ClassData(typeof(Providers))]
    public async Task A_wrong_secret_is_not_found_and_settles_nothing(DatabaseProvider provider)
    {
        await using var world = await SmsPushWorld.StartAsync(provider);
        var wang = await world.PatientAsync("王建国", "13812341234");
        var id = await world.SentAsync(wang, "阿里云", "900619^0");

        var wrong = await world.PostAsync("/hooks/sms/aliyun/" + SmsPushWorld.Secret[..^1] + "0/report", Report);
        var reply = await world.PostAsync("/hooks/sms/tencent/guess/reply", """{"mobile":"13812341234","nationcode":"86","sign":"x","text":"TD","time":1764464400}""");

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        await using var db = world.Db();
        Assert.Equal(SmsSendStatus.Sent, (await db.SmsMessages.SingleAsync(m => m.Id == id)).Status);
        Assert.Empty(db.DoNotContacts);
        Assert.Empty(db.SmsReplies);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_sender_outside_the_allow_list_is_refused_and_a_body_over_the_limit_is_too_large(DatabaseProvider provider)
    {
        await using (var listed = await SmsPushWorld.StartAsync(provider, new Dictionary<string, string?> { ["Sms:Callback:AllowedIps:0"] = "106.11.0.0/16" }))
        {
            var refused = await listed.PostAsync($"/hooks/sms/aliyun/{SmsPushWorld.Secret}/report", Report);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.StartsWith("""{"code":1""", await refused.Content.ReadAsStringAsync());
        }
        await using var world = await SmsPushWorld.StartAsync(provider, new Dictionary<string, string?> { ["Sms:Callback:MaxBodyBytes"] = "2048" });
        var big = "[" + string.Join(",", Enumerable.Repeat(Report[1..^1], 40)) + "]";

        var tooLarge = await world.PostAsync($"/hooks/sms/aliyun/{SmsPushWorld.Secret}/report", big);
        var notJson = await world.PostAsync($"/hooks/sms/tencent/{SmsPushWorld.Secret}/status", "{not json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.StartsWith("""{"result":1""", await notJson.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("106.11.34.5", true)]
    [InlineData("::ffff:106.11.34.5", true)]
    [InlineData("106.12.0.1", false)]
    [InlineData("203.0.113.9", true)]
    [InlineData("203.0.113.10", false)]
    public void The_allow_list_takes_cidr_ranges_and_single_addresses(string address, bool allowed)
    {
        var options = new SmsCallbackOptions { Secret = SmsPushWorld.Secret, AllowedIps = ["106.11.0.0/16", "203.0.113.9"] };

        Assert.Equal(allowed, options.Allows(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_short_or_missing_secret_turns_the_callbacks_off()
    {
        Assert.False(new SmsCallbackOptions { Secret = "" }.SecretMatches(""));
        Assert.False(new SmsCallbackOptions { Secret = "short" }.SecretMatches("short"));
        Assert.True(new SmsCallbackOptions { Secret = SmsPushWorld.Secret }.SecretMatches(SmsPushWorld.Secret));
    }
}

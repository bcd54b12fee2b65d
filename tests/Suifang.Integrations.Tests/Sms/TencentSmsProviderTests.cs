using System.Text.Json;
using Suifang.Core.Sms;
using Suifang.Integrations.Sms;

namespace Suifang.Integrations.Tests.Sms;

/// 腾讯云短信 (2021-01-11) against a local server that verifies the TC3-HMAC-SHA256 signature.
public sealed class TencentSmsProviderTests
{
    private static SmsProviderRequest Request(string phone = "13812341234", long id = 7) =>
        new(id, phone, "【一院】王建国您好，请于12月5日上午9:00到门诊楼3楼复诊。", "449739",
            [new("患者姓名", "王建国"), new("时间", "12月5日上午9:00"), new("地点", "门诊楼3楼")]);

    private static TencentSmsProvider Provider(FakeTencentSmsServer server, string key = FakeTencentSmsServer.SecretKey, double timeoutSeconds = 5) =>
        new(new HttpClient(), new TencentSmsOptions
        {
            Endpoint = server.Endpoint, SecretId = FakeTencentSmsServer.SecretId, SecretKey = key, SdkAppId = FakeTencentSmsServer.AppId, SignName = "第一人民医院",
        }, TimeSpan.FromSeconds(timeoutSeconds));

    [Fact]
    public async Task A_signed_send_is_accepted_and_pulled_statuses_say_delivered_or_not()
    {
        await using var server = await FakeTencentSmsServer.StartAsync();
        server.EmptyNumbers.Add("13900000000");
        var provider = Provider(server);

        var ok = await provider.SendAsync(Request(), CancellationToken.None);
        var empty = await provider.SendAsync(Request("13900000000", 8), CancellationToken.None);

        Assert.Equal(SmsProviderOutcome.Accepted, ok.Outcome);
        Assert.StartsWith("5000:", ok.ProviderMessageId);
        var sent = server.Sent[0];
        Assert.Equal("+8613812341234", sent.GetProperty("PhoneNumberSet")[0].GetString());
        Assert.Equal(["王建国", "12月5日上午9:00", "门诊楼3楼"], sent.GetProperty("TemplateParamSet").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("7", sent.GetProperty("SessionContext").GetString());
        var receipts = await provider.PollReceiptsAsync([], CancellationToken.None);
        Assert.True(receipts.Single(r => r.ProviderMessageId == ok.ProviderMessageId).Delivered);
        var failed = receipts.Single(r => r.ProviderMessageId == empty.ProviderMessageId);
        Assert.False(failed.Delivered);
        Assert.Contains("空号", failed.Reason);
        Assert.Empty(await provider.PollReceiptsAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task A_wrong_secret_key_fails_the_signature_check_and_asks_the_admin_to_check_the_keys()
    {
        await using var server = await FakeTencentSmsServer.StartAsync();

        var result = await Provider(server, key: "wrong").SendAsync(Request(), CancellationToken.None);

        Assert.Equal(SmsProviderOutcome.Unavailable, result.Outcome);
        Assert.Equal("AuthFailure.SignatureFailure", result.Code);
        Assert.Contains("SecretId/SecretKey", result.Reason);
        Assert.Empty(server.Sent);
    }

    [Fact]
    public async Task A_limit_exceeded_code_is_throttling_to_retry_later()
    {
        await using var server = await FakeTencentSmsServer.StartAsync();
        server.Mode = FakeSmsMode.Throttle;

        var result = await Provider(server).SendAsync(Request(), CancellationToken.None);

        Assert.Equal(SmsProviderOutcome.Throttled, result.Outcome);
        Assert.StartsWith("LimitExceeded.", result.Code);
    }

    [Fact]
    public async Task An_unapproved_template_is_rejected_with_a_chinese_reason_that_says_what_to_fix()
    {
        await using var server = await FakeTencentSmsServer.StartAsync();
        server.Mode = FakeSmsMode.RejectTemplate;

        var result = await Provider(server).SendAsync(Request(), CancellationToken.None);

        Assert.Equal(SmsProviderOutcome.Rejected, result.Outcome);
        Assert.Contains("模板 ID 不存在或未审核通过", result.Reason);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_a_timeout_to_retry_later()
    {
        await using var server = await FakeTencentSmsServer.StartAsync();
        server.Mode = FakeSmsMode.Stall;

        var result = await Provider(server, timeoutSeconds: 0.3).SendAsync(Request(), CancellationToken.None);

        Assert.Equal(SmsProviderOutcome.Unavailable, result.Outcome);
        Assert.Contains("超时", result.Reason);
    }

    [Fact]
    public void The_signature_matches_tencents_published_example()
    {
        // Tencent's signature v3 documentation example (CVM DescribeInstances, 2019-02-25, timestamp 1551113065).
        const string body = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";
        var auth = TencentSignature.Authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******", "Gu5t9xGARNpq86cd98joQYCN3*******",
            "cvm", "cvm.tencentcloudapi.com", 1551113065, body);

        Assert.Equal("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, "
            + "Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c", auth);
    }
}

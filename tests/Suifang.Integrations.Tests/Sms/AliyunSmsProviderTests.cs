using Suifang.Core.Sms;
using Suifang.Integrations.Sms;

namespace Suifang.Integrations.Tests.Sms;

/// 阿里云短信 against a local server that verifies the RPC signature (5.1.4 SMS channel).
public sealed class AliyunSmsProviderTests
{
    private static SmsProviderRequest Request(string phone = "13812341234", string? template = "SMS_154950909") =>
        new(42, phone, "【一院】王建国您好，请于12月5日上午9:00到门诊楼3楼复诊。", template,
            [new("患者姓名", "王建国"), new("时间", "12月5日上午9:00"), new("地点", "门诊楼3楼")]);

    private static AliyunSmsProvider Provider(FakeAliyunSmsServer server, string secret = FakeAliyunSmsServer.KeySecret, double timeoutSeconds = 5) =>
        new(new HttpClient(), new AliyunSmsOptions
        {
            Endpoint = server.Endpoint, AccessKeyId = FakeAliyunSmsServer.KeyId, AccessKeySecret = secret, SignName = "第一人民医院",
        }, TimeSpan.FromSeconds(timeoutSeconds));

    [Fact]
    public async Task A_signed_send_is_accepted_and_its_receipt_says_delivered_or_the_carriers_failure()
    {
        await using var server = await FakeAliyunSmsServer.StartAsync();
        server.EmptyNumbers.Add("13900000000");
        var provider = Provider(server);

        var ok = await provider.SendAsync(Request(), CancellationToken.None);
        var empty = await provider.SendAsync(Request("13900000000"), CancellationToken.None);

        Assert.Equal(SmsProviderOutcome.Accepted, ok.Outcome);
        Assert.Equal("90001^0", ok.ProviderMessageId);
        var sent = server.Sent[0];
        Assert.Equal("第一人民医院", sent["SignName"]);
        Assert.Equal("{\"患者姓名\":\"王建国\",\"时间\":\"12月5日上午9:00\",\"地点\":\"门诊楼3楼\"}",
            System.Text.RegularExpressions.Regex.Unescape(sent["TemplateParam"]));
        Assert.Equal("42", sent["OutId"]);
        var receipts = await provider.PollReceiptsAsync(
            [new(1, "13812341234", new DateTime(2026, 11, 30, 10, 0, 0), ok.ProviderMessageId!), new(2, "13900000000", new DateTime(2026, 11, 30, 10, 0, 0), empty.ProviderMessageId!)],
            CancellationToken.None);
        Assert.True(receipts.Single(r => r.ProviderMessageId == ok.ProviderMessageId).Delivered);
        var failed = receipts.Single(r => r.ProviderMessageId == empty.ProviderMessageId);
        Assert.False(failed.Delivered);
        Assert.Contains("MK:0001", failed.Reason);
    }

    [Fact]
    public async Task A_wrong_secret_fails_the_signature_check_and_asks_the_admin_to_check_the_keys()
    {
        await using var server = await FakeAliyunSmsServer.StartAsync();

        var result = await Provider(server, secret: "wrong").SendAsync(Request(), CancellationToken.None);

        Assert.Equal(SmsProviderOutcome.Unavailable, result.Outcome);
        Assert.Equal("SignatureDoesNotMatch", result.Code);
        Assert.Contains("AccessKey", result.Reason);
        Assert.Empty(server.Sent);
    }

    [Fact]
    public async Task Business_limit_control_is_throttling_to_retry_later()
    {
        await using var server = await FakeAliyunSmsServer.StartAsync();
        server.Mode = FakeSmsMode.Throttle;

        var result = await Provider(server).SendAsync(Request(), CancellationToken.None);

        Assert.Equal(SmsProviderOutcome.Throttled, result.Outcome);
        Assert.Equal("isv.BUSINESS_LIMIT_CONTROL", result.Code);
        Assert.Contains("流控", result.Reason);
    }

    [Fact]
    public async Task An_illegal_template_is_rejected_with_a_chinese_reason_that_says_what_to_fix()
    {
        await using var server = await FakeAliyunSmsServer.StartAsync();
        server.Mode = FakeSmsMode.RejectTemplate;

        var result = await Provider(server).SendAsync(Request(), CancellationToken.None);

        Assert.Equal(SmsProviderOutcome.Rejected, result.Outcome);
        Assert.Contains("模板代码不存在或未审核通过", result.Reason);
        Assert.Contains("isv.SMS_TEMPLATE_ILLEGAL", result.Reason);
    }

    [Fact]
    public async Task A_message_without_a_template_code_is_rejected_before_calling_aliyun()
    {
        await using var server = await FakeAliyunSmsServer.StartAsync();

        var result = await Provider(server).SendAsync(Request(template: null), CancellationToken.None);

        Assert.Equal(SmsProviderOutcome.Rejected, result.Outcome);
        Assert.Contains("模板代码", result.Reason);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_a_timeout_to_retry_later()
    {
        await using var server = await FakeAliyunSmsServer.StartAsync();
        server.Mode = FakeSmsMode.Stall;

        var result = await Provider(server, timeoutSeconds: 0.3).SendAsync(Request(), CancellationToken.None);

        Assert.Equal(SmsProviderOutcome.Unavailable, result.Outcome);
        Assert.Contains("超时", result.Reason);
    }

    [Theory]
    [InlineData("a b*c~", "a%20b%2Ac~")]
    [InlineData("王", "%E7%8E%8B")]
    [InlineData("{\"k\":\"v\"}", "%7B%22k%22%3A%22v%22%7D")]
    public void Percent_encoding_follows_rfc_3986_as_aliyun_signs_it(string raw, string encoded) =>
        Assert.Equal(encoded, AliyunSignature.Encode(raw));
}

using Suifang.Core.Sms;
using Suifang.Integrations.Sms;

namespace Suifang.Integrations.Tests.Sms;

public sealed class SimulatedSmsProviderTests
{
    [Fact]
    public async Task Receipts_are_the_same_on_every_run_and_some_numbers_are_empty_or_suspended()
    {
        var numbers = Enumerable.Range(0, 1000).Select(i => $"138{i:D8}").ToList();
        var provider = new SimulatedSmsProvider();
        var sent = new List<SmsSentMessage>();
        foreach (var (phone, i) in numbers.Select((p, i) => (p, i)))
        {
            var r = await provider.SendAsync(new SmsProviderRequest(i, phone, "您好", null, []), CancellationToken.None);
            sent.Add(new SmsSentMessage(i, phone, new DateTime(2026, 11, 30, 10, 0, 0), r.ProviderMessageId!));
        }

        var first = await provider.PollReceiptsAsync(sent, CancellationToken.None);
        var again = await new SimulatedSmsProvider().PollReceiptsAsync(sent, CancellationToken.None);

        Assert.Equal(first, again);
        var failed = first.Where(r => !r.Delivered).ToList();
        Assert.InRange(failed.Count, 20, 90);
        Assert.Contains(failed, r => r.Reason.Contains("空号"));
        Assert.Contains(failed, r => r.Reason.Contains("停机"));
    }
}

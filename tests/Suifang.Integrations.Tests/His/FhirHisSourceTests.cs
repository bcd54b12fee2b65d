using Suifang.Core.Patients.HisSync;

namespace Suifang.Integrations.Tests.His;

public sealed class FhirHisSourceTests
{
    private static readonly DateTime Since = new(2026, 11, 28, 0, 0, 0);
    [Fact]
    public async Task Pages_are_followed_to_the_last_and_each_page_is_one_batch()
    {
        await using var server = await FhirSourceHarness.ThreePagesAsync();

        var batches = await FhirSourceHarness.PullAllAsync(FhirSourceHarness.Create(server), Since);

        Assert.Equal(3, batches.Count);
        Assert.Empty(batches.SelectMany(b => b.Rejected).Select(r => r.Resource + r.Reason));
        Assert.All(batches, b => Assert.Equal(2, b.Items.Count));
        Assert.All(batches, b => Assert.Equal(6, b.ExpectedTotal));
        Assert.Equal(["Encounter/e11", "Encounter/e12", "Encounter/e21", "Encounter/e22", "Encounter/e31", "Encounter/e32"],
            batches.SelectMany(b => b.Items).Select(i => i.Resource));
        Assert.Empty(batches.SelectMany(b => b.Rejected));
        var requests = server.Requests.ToList();
        Assert.Equal(3, requests.Count); // everything referenced was included: no follow-up reads
        Assert.All(requests, r => Assert.Equal("Bearer secret-token", r.Authorization));
        Assert.Contains("_include=Encounter:subject", requests[0].PathAndQuery);
        Assert.Contains("_sort=_lastUpdated", requests[0].PathAndQuery);
    }

    [Fact]
    public async Task The_watermark_goes_into_the_query_and_each_batch_returns_its_latest_update_in_hospital_time()
    {
        await using var server = await FhirSourceHarness.ThreePagesAsync();

        var batches = await FhirSourceHarness.PullAllAsync(FhirSourceHarness.Create(server), Since);

        Assert.Equal("ge2026-11-28T00:00:00.000+08:00", server.Requests.First().LastUpdated);
        Assert.Equal([new DateTime(2026, 11, 28, 8, 12, 0), new DateTime(2026, 11, 28, 8, 22, 0), new DateTime(2026, 11, 28, 8, 32, 0)],
            batches.Select(b => b.Watermark));
    }

    [Fact]
    public async Task A_transient_server_error_is_retried_and_the_pull_goes_on()
    {
        await using var server = await FhirSourceHarness.ThreePagesAsync();
        server.Failures[2] = new Queue<int>([503]);

        var batches = await FhirSourceHarness.PullAllAsync(FhirSourceHarness.Create(server), Since);

        Assert.Equal(6, batches.Sum(b => b.Items.Count));
        Assert.Equal(2, server.HitsOf(2));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_ends_the_pull_with_a_Chinese_message_after_the_pages_already_read()
    {
        await using var server = await FhirSourceHarness.ThreePagesAsync();
        server.FailAlways(3, 503);
        var received = new List<HisBatch>();

        var error = await Assert.ThrowsAsync<HisSourceException>(async () =>
        {
            await foreach (var b in FhirSourceHarness.Create(server).PullSinceAsync(Since, CancellationToken.None))
                received.Add(b);
        });

        Assert.Equal(2, received.Count);
        Assert.Contains("HIS 服务器暂时无法访问（HTTP 503）", error.Message);
        Assert.Equal(3, server.HitsOf(3)); // the first try and two retries
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_retried_then_reported()
    {
        await using var server = await FhirSourceHarness.ThreePagesAsync();
        server.Delays[1] = TimeSpan.FromSeconds(5);

        var error = await Assert.ThrowsAsync<HisSourceException>(() =>
            FhirSourceHarness.PullAllAsync(FhirSourceHarness.Create(server, o => (o.TimeoutSeconds, o.Retries) = (1, 1)), Since));

        Assert.Contains("1 秒内没有响应", error.Message);
        Assert.Equal(2, server.HitsOf(1));
    }

    [Fact]
    public async Task Refused_credentials_end_the_pull_at_once_with_what_to_check()
    {
        await using var server = await FhirSourceHarness.ThreePagesAsync();
        server.FailAlways(1, 401);

        var error = await Assert.ThrowsAsync<HisSourceException>(() => FhirSourceHarness.PullAllAsync(FhirSourceHarness.Create(server), Since));

        Assert.Contains("His:Fhir:Token", error.Message);
        Assert.Equal(1, server.HitsOf(1));
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires.Links;

namespace Suifang.Web.Questionnaires;

/// Settings of stage 2 (Questionnaires:Processing): when the ResponseProcessor turns stored responses into results,
/// to-dos and task completion. It yields to a burst of submissions — it starts once no submission has arrived for QuietMs,
/// but never waits longer than MaxDelayMs per batch — so the cores serve the patients who are waiting for their answer.
internal sealed class ResponseProcessingOptions
{
    public const string Section = "Questionnaires:Processing";

    /// Start once the submission queue has been quiet this long (milliseconds).
    [Range(0, 60_000)]
    public int QuietMs { get; set; } = 200;

    /// Never wait for quiet longer than this before a batch (milliseconds): the bound on how late a critical answer's to-do can be.
    [Range(0, 60_000)]
    public int MaxDelayMs { get; set; } = 2_000;

    /// Responses per transaction.
    [Range(1, 5_000)]
    public int BatchSize { get; set; } = ResponseProcessor.DefaultMaxBatch;

    /// The periodic sweep (seconds): leftovers of a crash, of another node, and responses that failed before.
    [Range(1, 3_600)]
    public int SweepSeconds { get; set; } = 30;

    /// /health reports "Degraded" when a response has waited for processing longer than this (minutes).
    [Range(1, 1_440)]
    public int StaleMinutes { get; set; } = 5;
}

internal static class ResponseProcessingModule
{
    public static WebApplicationBuilder AddResponseProcessing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ResponseProcessingOptions>().BindConfiguration(ResponseProcessingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new ResponseProcessor(sp.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext,
            sp.GetRequiredService<QuestionnaireVersionCache>(), () => sp.GetRequiredService<HospitalClock>().Now,
            sp.GetRequiredService<ILogger<ResponseProcessor>>(), sp.GetRequiredService<IOptions<ResponseProcessingOptions>>().Value.BatchSize));
        builder.Services.AddHostedService<ResponseProcessingService>();
        builder.Services.AddHealthChecks().AddCheck<ResponseBacklogHealthCheck>("questionnaire-responses", HealthStatus.Degraded);
        return builder;
    }
}

/// Runs the ResponseProcessor on every node: at start (leftovers from before a restart), when the SubmissionWriter
/// stored responses (after the burst has passed), and every SweepSeconds.
internal sealed class ResponseProcessingService(ResponseProcessor processor, SubmissionWriter writer, IOptions<ResponseProcessingOptions> options,
    ILogger<ResponseProcessingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        var woken = true; // start-up: process what a crash or a stop left behind
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!woken)
                    processor.RetryFailures();
                int taken;
                do
                {
                    await YieldToBurstAsync(o, stoppingToken);
                    taken = await processor.RunOnceAsync(stoppingToken);
                }
                while (taken > 0);
                woken = await processor.WaitForWorkAsync(TimeSpan.FromSeconds(o.SweepSeconds), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Processing questionnaire responses failed; retrying at the next sweep");
                woken = await processor.WaitForWorkAsync(TimeSpan.FromSeconds(o.SweepSeconds), stoppingToken).ContinueWith(_ => false, TaskScheduler.Default);
            }
        }
    }

    /// Waits until no submission arrived for QuietMs, at most MaxDelayMs.
    private async Task YieldToBurstAsync(ResponseProcessingOptions o, CancellationToken ct)
    {
        var deadline = Environment.TickCount64 + o.MaxDelayMs;
        while (true)
        {
            var now = Environment.TickCount64;
            var quietFor = now - writer.LastActivity;
            if (writer.LastActivity == 0 || quietFor >= o.QuietMs || now >= deadline)
                return;
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, Math.Min(o.QuietMs - quietFor, deadline - now))), ct);
        }
    }
}

/// /health: "Degraded" when stage 2 lags — a stored response has waited longer than StaleMinutes for its results and
/// to-dos (processing stopped, or a response keeps failing; the log says which). The description carries the backlog.
internal sealed class ResponseBacklogHealthCheck(IDbContextFactory<SuifangDbContext> factory, HospitalClock clock,
    IOptions<ResponseProcessingOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var backlog = await ResponseProcessor.BacklogAsync(db, ct);
        if (backlog == 0)
            return HealthCheckResult.Healthy("no questionnaire response waits for processing");
        var oldest = await db.QuestionnaireResponses.Where(r => r.ProcessedAt == null).MinAsync(r => (DateTime?)r.SubmittedAt, ct);
        var waited = oldest is { } at ? clock.Now - at : TimeSpan.Zero; // processed meanwhile
        var text = $"{backlog} questionnaire responses wait for processing; the oldest for {waited.TotalMinutes:0.#} min";
        return waited > TimeSpan.FromMinutes(options.Value.StaleMinutes) ? HealthCheckResult.Degraded(text) : HealthCheckResult.Healthy(text);
    }
}

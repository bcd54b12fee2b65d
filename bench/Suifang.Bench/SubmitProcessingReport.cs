using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires.Links;
using Suifang.Core.Todos;

namespace Suifang.Bench;

/// Stage 2 of questionnaire-submit, as the host runs it on its own (ResponseProcessingService: after the burst has been
/// quiet briefly, bounded delay): how long until every stored response was processed, the process's CPU meanwhile, and
/// the delay from a submission to its critical to-do (the response's ProcessedAt marks when its effects became visible).
internal sealed record SubmitProcessingReport(TimeSpan Drained, TimeSpan Cpu, int Responses, int Critical, int Urgent, double[] CriticalDelaysMs, string Load)
{
    /// Polls the backlog (the monitoring page's count) until it is empty; the bench observes, it does not drive.
    public static async Task<TimeSpan> WaitForBacklogAsync(IServiceProvider services, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        var factory = services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                if (await ResponseProcessor.BacklogAsync(db, CancellationToken.None) == 0)
                    return watch.Elapsed;
            }
            if (watch.Elapsed > limit)
                throw new TimeoutException($"stage 2 did not process every response within {limit}");
            await Task.Delay(50);
        }
    }

    public static async Task<SubmitProcessingReport> MeasureAsync(IServiceProvider services, DateTime burstStart, TimeSpan limit)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var drained = await WaitForBacklogAsync(services, limit);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var load = SubmitBurst.LoadAverage();
        await using var db = await services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContextAsync();
        var responses = await db.QuestionnaireResponses.AsNoTracking().Where(r => r.SubmittedAt >= burstStart)
            .Select(r => new { r.PatientId, r.SubmittedAt, r.ProcessedAt }).ToListAsync();
        var todos = await db.Todos.AsNoTracking().Where(t => t.Source == ResponseOutcome.Source && t.CreatedAt >= burstStart)
            .Select(t => new { t.PatientId, t.Urgency }).ToListAsync();
        var critical = todos.Where(t => t.Urgency == TodoUrgency.Critical).Select(t => t.PatientId).ToHashSet();
        var delays = responses.Where(r => critical.Contains(r.PatientId) && r.ProcessedAt is not null)
            .Select(r => (r.ProcessedAt!.Value - r.SubmittedAt).TotalMilliseconds).Order().ToArray();
        return new(drained, used, responses.Count, critical.Count, todos.Count(t => t.Urgency == TodoUrgency.Urgent), delays, load);
    }

    /// burstCpu: the CPU during the POSTs (stage 1 and whatever overlapped); this adds stage 2 after them.
    public void Print(TimeSpan burstCpu, int submissions)
    {
        Console.WriteLine($"  stage 2 (results, to-dos, task completion; not waited for by the patient): every response processed {Drained.TotalSeconds:0.00} s after the last answer; " +
            $"CPU meanwhile {Cpu.TotalSeconds:0.00} s = {Cpu.TotalMilliseconds / Math.Max(1, Responses):0.000} ms per response; load average {Load}");
        Console.WriteLine($"  CPU of the whole submission (POSTs + stage 2): {(burstCpu + Cpu).TotalMilliseconds / submissions:0.000} ms per submission");
        Console.WriteLine($"  to-dos raised: {Critical} critical (and their alerts), {Urgent} urgent (high-risk score)");
        if (CriticalDelaysMs.Length > 0)
            Console.WriteLine($"  delay from submission to critical to-do, ms: p50 {SubmitBurst.Percentile(CriticalDelaysMs, 0.50):0}  " +
                $"p95 {SubmitBurst.Percentile(CriticalDelaysMs, 0.95):0}  max {CriticalDelaysMs[^1]:0}");
    }
}

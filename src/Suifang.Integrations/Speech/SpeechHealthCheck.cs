using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Suifang.Integrations.Speech;

/// Speech, recognition and language model providers: healthy when every configured one answers; otherwise the
/// registered failure status (degraded) with a Chinese description of what is unreachable.
internal sealed class SpeechHealthCheck(SpeechProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var statuses = await probe.ProbeAsync(ct);
        var data = statuses.ToDictionary(s => s.Role, s => (object)s.Detail);
        var failed = statuses.Where(s => s.Configured && !s.Reachable).ToList();
        return failed.Count == 0
            ? HealthCheckResult.Healthy("语音与大模型服务正常。", data)
            : new HealthCheckResult(context.Registration.FailureStatus,
                string.Join(" ", failed.Select(f => $"{f.Role}（{f.Name}）不可用：{f.Detail}")), data: data);
    }
}

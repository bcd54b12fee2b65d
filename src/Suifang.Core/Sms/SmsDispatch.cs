using Microsoft.EntityFrameworkCore;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Core.Sms;

/// Hands one queued message to the provider. A message is claimed first (a conditional update), so that two senders
/// never hand over the same message; a sender that dies leaves a claim that expires after ClaimSeconds.
public sealed class SmsDispatch(ISmsProvider provider, SensitiveDataProtector protector, ContactPolicies policies, SmsOptions options)
{
    public const int ClaimSeconds = 120;

    public string ProviderName => provider.Name;

    internal SensitiveDataProtector Protector => protector;

    public static Task<int> ClaimAsync(SuifangDbContext db, long id, DateTime now, CancellationToken ct) =>
        db.SmsMessages.Where(m => m.Id == id && m.Status == SmsSendStatus.Queued && m.NextAttemptAt <= now
                && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, now.AddSeconds(ClaimSeconds)), ct);

    /// Sends the claimed message and records the outcome; returns the message as saved.
    public async Task<SmsMessage> SendClaimedAsync(SuifangDbContext db, long id, DateTime now, CancellationToken ct)
    {
        var message = await db.SmsMessages.Include(m => m.History).FirstAsync(m => m.Id == id, ct);
        var result = await HandOverAsync(message, ct);
        message.Attempts++;
        message.Provider = provider.Name;
        message.ClaimedUntil = null;
        switch (result.Outcome)
        {
            case SmsProviderOutcome.Accepted:
                message.ProviderMessageId = result.ProviderMessageId;
                message.SentAt = now;
                message.NextAttemptAt = null;
                message.Move(SmsSendStatus.Sent, $"已提交{provider.Name}短信平台，等待送达回执。", now);
                break;
            case SmsProviderOutcome.Rejected:
                message.NextAttemptAt = null;
                message.Move(SmsSendStatus.Failed, result.Reason, now);
                break;
            default:
                if (message.Attempts >= options.MaxAttempts)
                {
                    message.NextAttemptAt = null;
                    message.Move(SmsSendStatus.Failed, $"尝试 {message.Attempts} 次仍未发出：{result.Reason}", now);
                    break;
                }
                var policy = await policies.GetAsync(db, message.HospitalId, ct);
                var wait = TimeSpan.FromSeconds(options.RetrySeconds * Math.Pow(2, Math.Min(message.Attempts - 1, 10)));
                var retry = message.Purpose == SmsPurpose.StaffAlert ? now + wait : policy.Schedule.NextSmsMoment(now + wait);
                message.NextAttemptAt = retry;
                message.Move(SmsSendStatus.Queued, $"{result.Reason}；将于 {retry:M月d日 HH:mm:ss} 重试（第 {message.Attempts} 次未成功）。", now);
                break;
        }
        await db.SaveChangesAsync(ct);
        return message;
    }

    private async Task<SmsProviderResult> HandOverAsync(SmsMessage message, CancellationToken ct)
    {
        var request = new SmsProviderRequest(message.Id, protector.Unprotect(message.PhoneCipher), SmsBodies.Text(message, protector),
            message.TemplateCode, SmsBodies.Parameters(message, protector));
        try
        {
            return await provider.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            return new SmsProviderResult(SmsProviderOutcome.Unavailable, $"连接{provider.Name}短信平台失败或超时（{e.GetType().Name}）");
        }
    }
}

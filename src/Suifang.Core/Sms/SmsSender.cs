using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Core.Sms;

/// The background sender's work: queued messages whose time has come go out under the rate limit; sent messages get
/// their delivery receipts from the provider. Safe to run on several nodes at once (claims, conditional updates).
public sealed class SmsSender(Func<SuifangDbContext> newContext, SmsDispatch dispatch, ISmsProvider provider,
    SensitiveDataProtector protector, SmsRateLimit rateLimit, SmsOptions options, Func<DateTime> now)
{
    public const int BatchSize = 200;

    /// Sends the due queued messages (up to one batch); returns how many were handed over.
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var db = newContext();
        var t = now();
        var due = await db.SmsMessages.AsNoTracking()
            .Where(m => m.Status == SmsSendStatus.Queued && m.NextAttemptAt <= t && (m.ClaimedUntil == null || m.ClaimedUntil < t))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            await rateLimit.WaitAsync(ct);
            if (await SmsDispatch.ClaimAsync(db, id, now(), ct) == 0)
                continue;
            db.ChangeTracker.Clear();
            await dispatch.SendClaimedAsync(db, id, now(), ct);
            sent++;
        }
        return sent;
    }

    /// Asks the provider for the receipts of sent messages; returns how many were settled (delivered or failed).
    public async Task<int> PollReceiptsAsync(CancellationToken ct)
    {
        await using var db = newContext();
        var t = now();
        var since = t.AddHours(-options.ReceiptTimeoutHours);
        var waiting = await db.SmsMessages.Include(m => m.History)
            .Where(m => m.Status == SmsSendStatus.Sent && m.SentAt >= since && m.Provider == provider.Name && m.ProviderMessageId != null)
            .OrderBy(m => m.SentAt).Take(BatchSize).ToListAsync(ct);
        if (waiting.Count == 0)
            return 0;
        var sent = waiting.Select(m => new SmsSentMessage(m.Id, protector.Unprotect(m.PhoneCipher), m.SentAt!.Value, m.ProviderMessageId!)).ToList();
        IReadOnlyList<SmsReceipt> receipts;
        try
        {
            receipts = await provider.PollReceiptsAsync(sent, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            return 0;   // the next poll asks again
        }
        var byId = waiting.ToDictionary(m => m.ProviderMessageId!);
        // A pulling provider (Tencent) returns the receipts of all recent messages, also of those beyond this batch.
        var others = receipts.Select(r => r.ProviderMessageId).Where(id => !byId.ContainsKey(id)).Distinct().ToList();
        if (others.Count > 0)
            foreach (var m in await db.SmsMessages.Include(m => m.History)
                         .Where(m => m.Status == SmsSendStatus.Sent && m.Provider == provider.Name && others.Contains(m.ProviderMessageId!)).ToListAsync(ct))
                byId[m.ProviderMessageId!] = m;
        var settled = 0;
        foreach (var r in receipts)
        {
            if (!byId.TryGetValue(r.ProviderMessageId, out var m) || m.Status != SmsSendStatus.Sent)
                continue;
            var at = r.At ?? t;
            if (r.Delivered)
                m.Move(SmsSendStatus.Delivered, string.IsNullOrEmpty(r.Reason) ? "已送达患者手机。" : r.Reason, at);
            else
                m.Move(SmsSendStatus.Failed, $"未送达：{r.Reason}", at);
            settled++;
        }
        await db.SaveChangesAsync(ct);
        return settled;
    }
}

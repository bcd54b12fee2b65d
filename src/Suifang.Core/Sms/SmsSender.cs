using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Core.Sms;

/// The background sender's work: queued messages whose time has come go out under the rate limit; sent messages get
/// their delivery receipts from the provider. Safe to run on several nodes at once (claims, conditional updates).
public sealed class SmsSender(Func<SuifangDbContext> newContext, SmsDispatch dispatch, ISmsProvider provider,
    SensitiveDataProtector protector, SmsRateLimit rateLimit, SmsOptions options, Func<DateTime> now, ISmsReplyReader reader)
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

    /// Asks the provider for the receipts of sent messages still without one ReceiptPullAfterMinutes after sending;
    /// returns how many were settled (delivered or failed).
    public async Task<int> PollReceiptsAsync(CancellationToken ct)
    {
        await using var db = newContext();
        var t = now();
        var since = t.AddHours(-options.ReceiptTimeoutHours);
        var before = t.AddMinutes(-options.ReceiptPullAfterMinutes);
        var waiting = await db.SmsMessages.AsNoTracking()
            .Where(m => m.Status == SmsSendStatus.Sent && m.SentAt >= since && m.SentAt <= before && m.Provider == provider.Name && m.ProviderMessageId != null)
            .OrderBy(m => m.SentAt).Take(BatchSize)
            .Select(m => new { m.Id, m.PhoneCipher, m.SentAt, m.ProviderMessageId }).ToListAsync(ct);
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
        // A pulling provider (Tencent) returns the receipts of all recent messages, also of those beyond this batch.
        return await SmsReceipts.ApplyAsync(db, provider.Name, receipts, t, ct);
    }

    /// Pulls patients' replies from a provider that offers it (fallback to the reply callback); returns how many were new.
    public async Task<int> PollRepliesAsync(CancellationToken ct)
    {
        if (!options.PullReplies || provider is not ISmsReplyPuller puller)
            return 0;
        IReadOnlyList<SmsInboundReply> replies;
        try
        {
            replies = await puller.PullRepliesAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            return 0;
        }
        var added = 0;
        foreach (var reply in replies)
        {
            await using var db = newContext();
            if (await SmsInbox.ReceiveAsync(db, protector, reader, reply, now(), ct) is { Duplicate: false })
                added++;
        }
        return added;
    }
}

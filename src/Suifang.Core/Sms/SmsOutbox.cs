using Microsoft.EntityFrameworkCore;
using Suifang.Core.Contact;
using Suifang.Core.Data;

namespace Suifang.Core.Sms;

/// The outbox (ISmsOutbox): stores the message (idempotent on EffectKey), admits it (SmsAdmission), and when it may go
/// now and the rate limit has room, hands it to the provider at once; otherwise the background sender takes it.
public sealed class SmsOutbox(Func<SuifangDbContext> newContext, SmsDispatch dispatch, ContactPolicies policies,
    SmsOptions options, SmsRateLimit rateLimit, Func<DateTime> now) : ISmsOutbox
{
    public async Task<SmsSendResult> SendAsync(SmsSend message, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(message.EffectKey))
            throw new ArgumentException("短信需要 EffectKey（幂等键）。", nameof(message));
        await using var db = newContext();
        if (await FindAsync(db, message, ct) is { } existing)
            return existing.ToResult();

        var t = now();
        var admitted = await SmsAdmission.AdmitAsync(db, dispatch.Protector, policies, options, message, t, ct);
        db.SmsMessages.Add(admitted);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another sender stored the same effect key first: its message is the one.
            await using var again = newContext();
            return (await FindAsync(again, message, ct))?.ToResult() ?? throw new InvalidOperationException("短信保存失败。");
        }
        if (admitted.Status != SmsSendStatus.Queued || admitted.NextAttemptAt > t || !rateLimit.TryTake())
            return admitted.ToResult();
        if (await SmsDispatch.ClaimAsync(db, admitted.Id, t, ct) == 0)
            return admitted.ToResult();
        db.ChangeTracker.Clear();
        return (await dispatch.SendClaimedAsync(db, admitted.Id, now(), ct)).ToResult();
    }

    private static Task<SmsMessage?> FindAsync(SuifangDbContext db, SmsSend message, CancellationToken ct) =>
        db.SmsMessages.AsNoTracking().FirstOrDefaultAsync(m => m.HospitalId == message.HospitalId && m.EffectKey == message.EffectKey, ct);
}

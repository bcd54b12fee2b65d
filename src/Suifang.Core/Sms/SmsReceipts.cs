using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Sms;

/// 回执: settles sent messages from delivery receipts, pushed or pulled alike. A receipt is matched by the provider's
/// id of the message (Aliyun BizId, Tencent SerialNo/sid) and moves a message only while it is still "sent", by a
/// conditional update: the same receipt twice, two nodes taking the same push, or a late pull after a push change
/// nothing.
public static class SmsReceipts
{
    public static async Task<int> ApplyAsync(SuifangDbContext db, string provider, IReadOnlyList<SmsReceipt> receipts, DateTime now, CancellationToken ct)
    {
        var ids = receipts.Select(r => r.ProviderMessageId).Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        var messages = new Dictionary<string, long>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var m in await db.SmsMessages.AsNoTracking()
                         .Where(m => m.Provider == provider && m.Status == SmsSendStatus.Sent && chunk.Contains(m.ProviderMessageId!))
                         .Select(m => new { m.Id, m.ProviderMessageId }).ToListAsync(ct))
                messages[m.ProviderMessageId!] = m.Id;
        var settled = 0;
        foreach (var r in receipts)
        {
            if (!messages.TryGetValue(r.ProviderMessageId, out var id))
                continue;
            var at = r.At is { } a && a > DateTime.MinValue ? a : now;
            var status = r.Delivered ? SmsSendStatus.Delivered : SmsSendStatus.Failed;
            var detail = r.Delivered ? (string.IsNullOrEmpty(r.Reason) ? "已送达患者手机。" : r.Reason) : $"未送达：{r.Reason}";
            detail = detail.Length > 256 ? detail[..256] : detail;
            var moved = await db.SmsMessages.Where(m => m.Id == id && m.Status == SmsSendStatus.Sent)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.Detail, detail)
                    .SetProperty(m => m.UpdatedAt, at).SetProperty(m => m.FinishedAt, at), ct);
            if (moved == 0)
                continue;
            db.SmsStatusChanges.Add(new SmsStatusChange { MessageId = id, At = at, Status = status, Detail = detail });
            settled++;
        }
        if (settled > 0)
            await db.SaveChangesAsync(ct);
        return settled;
    }
}

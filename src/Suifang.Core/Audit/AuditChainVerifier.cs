using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Audit;

public sealed record AuditVerification(bool Intact, long Checked, long? FirstBrokenId, string Message);

/// Walks the chain in order and recomputes every hash: an edited, deleted or inserted entry breaks it.
public static class AuditChainVerifier
{
    public static async Task<AuditVerification> VerifyAsync(SuifangDbContext db, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var previousHash = "";
        long expectedId = 1, count = 0;
        await foreach (var e in db.AuditLog.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Id != expectedId)
                return Broken(e.Id, count, $"第 {expectedId} 条审计记录缺失（下一条是第 {e.Id} 条）：日志被删除过。");
            if (e.PreviousHash != previousHash)
                return Broken(e.Id, count, $"第 {e.Id} 条记录与上一条的链接不符：前面的记录被修改或删除过。");
            if (e.ComputeHash() != e.Hash)
                return Broken(e.Id, count, $"第 {e.Id} 条记录的内容与其哈希不符：这条记录被修改过。");
            previousHash = e.Hash;
            expectedId++;
            if (++count % 10_000 == 0)
                progress?.Report(count);
        }
        progress?.Report(count);
        return new AuditVerification(true, count, null, $"共 {count} 条审计记录，哈希链完整，未发现篡改。");
    }

    private static AuditVerification Broken(long id, long count, string message) => new(false, count, id, message);
}

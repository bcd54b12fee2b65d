using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Patients.HisSync;

public static class HisSyncRuns
{
    /// The watermark the next run of this source starts from: the furthest any run committed, failed runs included.
    public static async Task<DateTime?> WatermarkAsync(SuifangDbContext db, string source, CancellationToken ct = default) =>
        await db.HisSyncRuns.AsNoTracking().Where(r => r.Source == source && r.ReachedWatermark != null)
            .MaxAsync(r => r.ReachedWatermark, ct);
}

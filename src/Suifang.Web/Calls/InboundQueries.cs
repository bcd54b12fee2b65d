using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Security;

namespace Suifang.Web.Calls;

public sealed record UnknownCallerRow(long Id, DateTime ReceivedAt, string NumberMasked, InboundResult Result, string? Note);

/// 未识别来电: incoming calls no patient could be found for (unknown or withheld number), open until a nurse has called
/// back. They belong to no department, so only staff who see the whole hospital see them; every read of the list, every
/// full number shown and every "called back" is audited.
internal static class InboundQueries
{
    public static async Task<List<UnknownCallerRow>> OpenAsync(SuifangDbContext db, StaffScope staff, CancellationToken ct)
    {
        if (!staff.AllDepartments)
            return [];
        var rows = await db.InboundCalls.AsNoTracking()
            .Where(c => c.HospitalId == staff.HospitalId && c.HandledAt == null && c.PatientId == null)
            .OrderByDescending(c => c.ReceivedAt).Take(50)
            .Select(c => new UnknownCallerRow(c.Id, c.ReceivedAt, c.NumberMasked, c.Result, c.Note)).ToListAsync(ct);
        if (rows.Count > 0)
        {
            db.Actor = staff.Actor;
            db.AuditEvent("view", nameof(InboundCall), null, $"查看未识别来电 {rows.Count} 条");
            await db.SaveChangesAsync(ct);
        }
        return rows;
    }

    /// The caller's full number, for calling back; null when not allowed or not found.
    public static async Task<string?> RevealAsync(SuifangDbContext db, SensitiveDataProtector protector, StaffScope staff, long id, CancellationToken ct)
    {
        if (!staff.AllDepartments || !staff.CanRevealNumbers)
            return null;
        var call = await db.InboundCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.HospitalId == staff.HospitalId && c.PatientId == null, ct);
        if (call is null || call.NumberCipher.Length == 0)
            return null;
        db.Actor = staff.Actor;
        db.AuditEvent("reveal", nameof(InboundCall), id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"显示未识别来电 {call.NumberMasked} 的完整号码");
        await db.SaveChangesAsync(ct);
        return protector.Unprotect(call.NumberCipher);
    }

    public static async Task<bool> MarkHandledAsync(SuifangDbContext db, StaffScope staff, long id, DateTime now, CancellationToken ct)
    {
        if (!staff.AllDepartments)
            return false;
        var call = await db.InboundCalls.FirstOrDefaultAsync(c => c.Id == id && c.HospitalId == staff.HospitalId && c.HandledAt == null, ct);
        if (call is null)
            return false;
        call.HandledAt = now;
        call.HandledBy = staff.UserName.Length > 64 ? staff.UserName[..64] : staff.UserName;
        db.Actor = staff.Actor;
        db.AuditEvent("handle", nameof(InboundCall), id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"未识别来电 {call.NumberMasked} 已回电处理");
        await db.SaveChangesAsync(ct);
        return true;
    }
}

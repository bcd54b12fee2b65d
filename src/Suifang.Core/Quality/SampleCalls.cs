using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Todos;

namespace Suifang.Core.Quality;

/// 抽检 (7.2.5.2): picks finished, answered AI calls for quality control and runs the automatic checks on each. The pick
/// is deterministic — a hash of the call id against the set share, plus every handoff and red flag — so running again
/// picks the same calls, and the unique sample per call means a call is never sampled twice.
public static class SampleCalls
{
    /// Calls that ended this long ago are still considered (a node that was down catches up).
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(14);

    public static async Task<int> RunAsync(SuifangDbContext db, DateTime now, CancellationToken ct, int batch = 500)
    {
        var since = now - Lookback;
        var settings = await db.QualitySettings.AsNoTracking().ToListAsync(ct);
        var candidates = await db.Calls.AsNoTracking()
            .Where(c => c.Status == CallStatus.Ended && c.AnsweredAt != null && c.EndedAt >= since && c.EndedAt <= now
                && !db.QualitySamples.Any(s => s.CallId == c.Id))
            .OrderBy(c => c.Id).Take(batch)
            .Select(c => new { c.Id, c.HospitalId, c.DepartmentId, c.End, c.ScriptKey, c.ScriptVersion, c.EndedAt })
            .ToListAsync(ct);
        if (candidates.Count == 0)
            return 0;
        var ids = candidates.Select(c => c.Id).ToList();
        var redFlags = (await db.Todos.AsNoTracking()
            .Where(t => t.CallId != null && ids.Contains(t.CallId.Value)
                && (t.Kind == TodoKind.RedFlag || t.Kind == TodoKind.CriticalValue || t.Urgency == TodoUrgency.Critical))
            .Select(t => t.CallId!.Value).ToListAsync(ct)).ToHashSet();
        var sampled = 0;
        foreach (var call in candidates)
        {
            var rule = SettingsFor(settings, call.HospitalId, call.DepartmentId);
            SampleReason? reason = call.End == CallEnd.HandedOff && rule.SampleHandoffs ? SampleReason.HandedOff
                : redFlags.Contains(call.Id) && rule.SampleRedFlags ? SampleReason.RedFlag
                : InShare(call.Id, rule.SamplePercent) ? SampleReason.Share
                : null;
            if (reason is null)
                continue;
            var sample = new QualitySample
            {
                HospitalId = call.HospitalId, DepartmentId = call.DepartmentId, CallId = call.Id, ScriptKey = call.ScriptKey,
                ScriptVersion = call.ScriptVersion, Reason = reason.Value, SampledAt = now, CallEndedAt = call.EndedAt!.Value,
            };
            sample.Findings = await CheckCall.RunAsync(db, call.Id, ForbiddenRule.Parse(rule.ForbiddenRules), ct);
            sample.ChecksFailed = sample.Findings.Count(f => !f.Passed);
            sample.ChecksPassed = sample.ChecksFailed == 0;
            if (await TrySaveAsync(db, sample, ct))
                sampled++;
        }
        return sampled;
    }

    /// The hospital's settings with the department's share when it has its own; defaults when none are saved.
    public static QualitySettings SettingsFor(IReadOnlyList<QualitySettings> all, int hospitalId, int departmentId)
    {
        var hospital = all.FirstOrDefault(s => s.HospitalId == hospitalId && s.DepartmentId == null) ?? new QualitySettings { HospitalId = hospitalId };
        var department = all.FirstOrDefault(s => s.HospitalId == hospitalId && s.DepartmentId == departmentId);
        return department is null ? hospital : new QualitySettings
        {
            HospitalId = hospitalId, DepartmentId = departmentId, SamplePercent = department.SamplePercent,
            SampleHandoffs = hospital.SampleHandoffs, SampleRedFlags = hospital.SampleRedFlags,
            ForbiddenRules = hospital.ForbiddenRules,
        };
    }

    /// Whether the call falls in the share: the first four bytes of SHA-256 of its id, in ten-thousandths.
    public static bool InShare(long callId, double percent)
    {
        if (percent <= 0)
            return false;
        var hash = SHA256.HashData(BitConverter.GetBytes(callId));
        var bucket = BitConverter.ToUInt32(hash, 0) % 10_000;
        return bucket < percent * 100;
    }

    private static async Task<bool> TrySaveAsync(SuifangDbContext db, QualitySample sample, CancellationToken ct)
    {
        db.QualitySamples.Add(sample);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node sampled this call at the same moment: its sample stands.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Data;

namespace Suifang.Core.Quality;

/// 保存期限 (7.2.5.2): removes what is past each hospital's retention — recordings (the files, and the call's path),
/// transcripts (the words said; the turns stay as structure), and structured answers (deleted; the number dialled is
/// cleared from the call) — and records what it removed in a RetentionRun and the audit log. Nothing is removed for
/// a kind whose retention is not set. Ages are counted from the call's end (answers: from when they were given).
public static class RetentionSweep
{
    public const string Removed = "（已超过保存期限，内容已删除）";

    public static async Task<List<RetentionRun>> RunAsync(SuifangDbContext db, DateTime now, Func<string, bool> deleteFile, CancellationToken ct)
    {
        var runs = new List<RetentionRun>();
        var hospitals = await db.QualitySettings.AsNoTracking()
            .Where(s => s.DepartmentId == null && (s.KeepAudioDays != null || s.KeepTextDays != null || s.KeepDataDays != null))
            .ToListAsync(ct);
        foreach (var settings in hospitals)
        {
            var run = new RetentionRun { HospitalId = settings.HospitalId, At = now };
            if (settings.KeepAudioDays is { } audio)
                run.RecordingsDeleted = await RecordingsAsync(db, settings.HospitalId, now.AddDays(-audio), deleteFile, ct);
            if (settings.KeepTextDays is { } text)
                run.TranscriptsCleared = await TranscriptsAsync(db, settings.HospitalId, now.AddDays(-text), ct);
            if (settings.KeepDataDays is { } data)
                run.AnswersDeleted = await AnswersAsync(db, settings.HospitalId, now.AddDays(-data), ct);
            if (run.RecordingsDeleted + run.TranscriptsCleared + run.AnswersDeleted == 0)
                continue;
            run.Summary = $"按保存期限删除：录音 {run.RecordingsDeleted} 个（保存 {settings.KeepAudioDays?.ToString() ?? "不限"} 天），" +
                $"通话文字 {run.TranscriptsCleared} 通（保存 {settings.KeepTextDays?.ToString() ?? "不限"} 天），" +
                $"结构化回答 {run.AnswersDeleted} 条（保存 {settings.KeepDataDays?.ToString() ?? "不限"} 天）";
            db.RetentionRuns.Add(run);
            db.Actor ??= AuditActor.System("保存期限");
            db.AuditEvent("retention.sweep", "Hospital", settings.HospitalId.ToString(), run.Summary);
            await db.SaveChangesAsync(ct);
            runs.Add(run);
        }
        return runs;
    }

    private static async Task<int> RecordingsAsync(SuifangDbContext db, int hospitalId, DateTime cutoff, Func<string, bool> deleteFile, CancellationToken ct)
    {
        var calls = await db.Calls.AsNoTracking()
            .Where(c => c.HospitalId == hospitalId && c.RecordingPath != null && c.EndedAt < cutoff)
            .Select(c => new { c.Id, c.RecordingPath }).ToListAsync(ct);
        foreach (var call in calls)
        {
            deleteFile(call.RecordingPath!);
            await db.Calls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordingPath, (string?)null), ct);
        }
        return calls.Count;
    }

    private static async Task<int> TranscriptsAsync(SuifangDbContext db, int hospitalId, DateTime cutoff, CancellationToken ct)
    {
        var old = db.Calls.Where(c => c.HospitalId == hospitalId && c.EndedAt < cutoff);
        var calls = await old.Where(c => db.CallTurns.Any(t => t.CallId == c.Id && t.Text != Removed)).Select(c => c.Id).ToListAsync(ct);
        if (calls.Count == 0)
            return 0;
        foreach (var chunk in calls.Chunk(500))
        {
            await db.CallTurns.Where(t => chunk.Contains(t.CallId))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Text, Removed).SetProperty(t => t.ValuesJson, (string?)null), ct);
            await db.Calls.Where(c => chunk.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Summary, (string?)null), ct);
            await db.FollowUpResults.Where(r => r.CallId != null && chunk.Contains(r.CallId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Said, ""), ct);
        }
        return calls.Count;
    }

    private static async Task<int> AnswersAsync(SuifangDbContext db, int hospitalId, DateTime cutoff, CancellationToken ct)
    {
        var deleted = await db.FollowUpResults.Where(r => r.HospitalId == hospitalId && r.At < cutoff).ExecuteDeleteAsync(ct);
        await db.Calls.Where(c => c.HospitalId == hospitalId && c.EndedAt < cutoff && c.NumberCipher != "")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NumberCipher, ""), ct);
        return deleted;
    }
}

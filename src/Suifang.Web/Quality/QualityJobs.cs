using Microsoft.EntityFrameworkCore;
using Quartz;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Quality;

namespace Suifang.Web.Quality;

/// 7.2.5.2 抽检: picks finished AI calls (the set share, every handoff and red flag) and runs the automatic checks.
[DisallowConcurrentExecution]
internal sealed class QualitySamplingJob(IDbContextFactory<SuifangDbContext> dbFactory, HospitalClock clock, ILogger<QualitySamplingJob> log) : IJob
{
    public static readonly JobKey Key = new("quality-sample", "quality");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sampled = await SampleCalls.RunAsync(db, clock.Now, ct);
        if (sampled > 0)
            log.LogInformation("Quality control: {Sampled} calls sampled and checked", sampled);
    }
}

/// 保存期限: removes recordings, transcripts and answers past each hospital's retention; audited and logged.
[DisallowConcurrentExecution]
internal sealed class RetentionJob(IDbContextFactory<SuifangDbContext> dbFactory, HospitalClock clock, ILogger<RetentionJob> log) : IJob
{
    public static readonly JobKey Key = new("quality-retention", "quality");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = AuditActor.System("保存期限");
        var runs = await RetentionSweep.RunAsync(db, clock.Now, DeleteRecording, ct);
        foreach (var run in runs)
            log.LogInformation("Retention sweep of hospital {Hospital}: {Recordings} recordings deleted, {Transcripts} transcripts cleared, {Answers} answers deleted",
                run.HospitalId, run.RecordingsDeleted, run.TranscriptsCleared, run.AnswersDeleted);
    }

    private bool DeleteRecording(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException e)
        {
            log.LogWarning(e, "Retention: recording {Path} could not be deleted", path);
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            log.LogWarning(e, "Retention: recording {Path} could not be deleted", path);
            return false;
        }
    }
}

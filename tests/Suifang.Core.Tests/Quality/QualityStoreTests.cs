using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Quality;
using Suifang.Core.Todos;
using Suifang.Testing;
using Suifang.Testing.Quality;

namespace Suifang.Core.Tests.Quality;

/// 7.2.5.2 on both databases: sampling (share, handoffs, red flags; never twice), findings stored per call, reviews
/// audited, the report's pass rates and understanding accuracy, and the retention sweep with a fake clock.
public sealed class QualityStoreTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);

    private sealed record World(TestHospital Hospital, QualityCalls Calls, long PatientId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Hospital.DisposeAsync();
    }

    private static async Task<World> WorldAsync(DatabaseProvider provider, double percent)
    {
        var hospital = await TestHospital.CreateAsync(provider);
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(Now.AddDays(-5), hospital.Cardiology.Id))).Single();
        var calls = new QualityCalls(hospital.Database.NewContext, hospital.Hospital.Id, hospital.CampusId);
        await calls.ScriptAsync(hospital.Cardiology.Id, Now);
        await using var db = hospital.Database.NewContext();
        db.QualitySettings.Add(new QualitySettings { HospitalId = hospital.Hospital.Id, SamplePercent = percent });
        await db.SaveChangesAsync();
        return new World(hospital, calls, patient.Id);
    }

    private static async Task<int> SampleAsync(World w, DateTime? now = null)
    {
        await using var db = w.Hospital.Database.NewContext();
        return await SampleCalls.RunAsync(db, now ?? Now, CancellationToken.None);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Handoffs_and_red_flags_are_always_sampled_the_share_by_setting_and_no_call_twice(DatabaseProvider provider)
    {
        await using var w = await WorldAsync(provider, percent: 0);
        var handoff = await w.Calls.CallAsync(w.PatientId, w.Hospital.Cardiology.Id, Now.AddHours(-1), CallEnd.HandedOff, QualityCalls.Opening);
        var redFlag = await w.Calls.CallAsync(w.PatientId, w.Hospital.Cardiology.Id, Now.AddHours(-1), CallEnd.Completed, QualityCalls.Complete(), TodoKind.RedFlag);
        var plain = new List<long>();
        for (var i = 0; i < 4; i++)
            plain.Add(await w.Calls.CallAsync(w.PatientId, w.Hospital.Cardiology.Id, Now.AddHours(-1), CallEnd.Completed, QualityCalls.Complete()));

        Assert.Equal(2, await SampleAsync(w));
        Assert.Equal(0, await SampleAsync(w));
        await using (var db = w.Hospital.Database.NewContext())
        {
            var reasons = await db.QualitySamples.ToDictionaryAsync(s => s.CallId, s => s.Reason);
            Assert.Equal(SampleReason.HandedOff, reasons[handoff]);
            Assert.Equal(SampleReason.RedFlag, reasons[redFlag]);
            (await db.QualitySettings.SingleAsync()).SamplePercent = 100;
            await db.SaveChangesAsync();
        }

        Assert.Equal(4, await SampleAsync(w));
        Assert.Equal(0, await SampleAsync(w));
        await using var check = w.Hospital.Database.NewContext();
        Assert.Equal(6, await check.QualitySamples.CountAsync());
        Assert.All(await check.QualitySamples.Where(s => plain.Contains(s.CallId)).ToListAsync(), s => Assert.Equal(SampleReason.Share, s.Reason));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_sampled_call_keeps_which_check_failed_and_at_which_turn(DatabaseProvider provider)
    {
        await using var w = await WorldAsync(provider, percent: 100);
        var exchanges = QualityCalls.Complete();
        exchanges[0] = new("张三您好，这里是测试医院随访中心。");
        exchanges[^1] = new("有事打13812345678。");
        var callId = await w.Calls.CallAsync(w.PatientId, w.Hospital.Cardiology.Id, Now.AddHours(-2), CallEnd.Completed, exchanges);

        await SampleAsync(w);

        await using var db = w.Hospital.Database.NewContext();
        var sample = await db.QualitySamples.Include(s => s.Findings).SingleAsync(s => s.CallId == callId);
        Assert.False(sample.ChecksPassed);
        Assert.Equal(2, sample.ChecksFailed);
        Assert.Equal(0, sample.Findings.Single(f => f.Rule == CheckRule.AiDisclosure && !f.Passed).TurnIndex);
        var number = sample.Findings.Single(f => f.Rule == CheckRule.Forbidden && !f.Passed);
        Assert.Equal("完整号码", number.Item);
        Assert.Equal(9, number.TurnIndex);
        Assert.Equal(1, sample.ScriptVersion);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_review_is_saved_audited_and_moves_the_report(DatabaseProvider provider)
    {
        await using var w = await WorldAsync(provider, percent: 100);
        var exchanges = QualityCalls.Complete();
        exchanges[^1] = new("我保证您没事。");
        await w.Calls.CallAsync(w.PatientId, w.Hospital.Cardiology.Id, Now.AddHours(-2), CallEnd.Completed, exchanges);
        await SampleAsync(w);
        var nurse = w.Hospital.Nurse(w.Hospital.Cardiology.Id);
        await using var db = w.Hospital.Database.NewContext();
        var sample = await db.QualitySamples.Include(s => s.Findings).SingleAsync();
        var promise = sample.Findings.Single(f => !f.Passed);

        var before = await QualityReport.BuildAsync(db, nurse, Now.AddDays(-1), Now, null, null, CancellationToken.None);
        Assert.Equal(0, before.Rows.Single().CallsPassingChecks.Hits);
        Assert.Equal(0, before.Understanding.Total);

        var input = new ReviewInput(
            [new("temperature", true, null), new("wound_redness", false, "no"), new("pain_score", true, null)],
            [new(promise.Id, FindingVerdict.Dismissed)], "承诺是误报");
        var saved = await ReviewCall.SaveAsync(db, nurse, sample.Id, input, Now, CancellationToken.None);
        Assert.Equal(ReviewOutcome.Saved, saved.Outcome);

        await using var read = w.Hospital.Database.NewContext();
        var report = await QualityReport.BuildAsync(read, nurse, Now.AddDays(-1), Now, null, QualityCalls.ScriptKey, CancellationToken.None);
        var row = report.Rows.Single();
        Assert.Equal((2, 3), (row.Understanding.Hits, row.Understanding.Total));
        Assert.Equal(1, row.CallsPassingChecks.Hits);
        Assert.Equal(1, row.Reviewed);
        var worst = row.Worst.First();
        Assert.Equal(("理解", "wound_redness"), (worst.Kind, worst.Item));
        Assert.Contains(await read.AuditLog.ToListAsync(), a => a.Action == "quality.review" && a.EntityId == sample.CallId.ToString());
        Assert.Equal(ReviewState.Reviewed, (await read.QualitySamples.SingleAsync()).Review);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_review_is_refused_outside_the_reviewers_departments_and_a_wrong_answer_needs_its_right_value(DatabaseProvider provider)
    {
        await using var w = await WorldAsync(provider, percent: 100);
        await w.Calls.CallAsync(w.PatientId, w.Hospital.Cardiology.Id, Now.AddHours(-2), CallEnd.Completed, QualityCalls.Complete());
        await SampleAsync(w);
        await using var db = w.Hospital.Database.NewContext();
        var sampleId = (await db.QualitySamples.SingleAsync()).Id;

        var other = await ReviewCall.SaveAsync(db, w.Hospital.Nurse(w.Hospital.Neurology.Id), sampleId, new([], [], null), Now, CancellationToken.None);
        var missing = await ReviewCall.SaveAsync(db, w.Hospital.Nurse(w.Hospital.Cardiology.Id), sampleId,
            new([new("temperature", false, " ")], [], null), Now, CancellationToken.None);

        Assert.Equal(ReviewOutcome.Forbidden, other.Outcome);
        Assert.Contains("科室", other.Message);
        Assert.Equal(ReviewOutcome.Invalid, missing.Outcome);
        Assert.Contains("正确的值", missing.Message);
        Assert.Empty(await ReviewQueue.ListAsync(db, w.Hospital.Nurse(w.Hospital.Neurology.Id), ReviewState.Waiting, 50, CancellationToken.None));
        Assert.Single(await ReviewQueue.ListAsync(db, w.Hospital.Nurse(w.Hospital.Cardiology.Id), ReviewState.Waiting, 50, CancellationToken.None));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_retention_sweep_removes_audio_text_and_data_past_their_own_limits_and_logs_it(DatabaseProvider provider)
    {
        await using var w = await WorldAsync(provider, percent: 0);
        var recording = Path.Combine(w.Hospital.Database.Directory!, "old.wav");
        await File.WriteAllTextAsync(recording, "wav");
        var old = await w.Calls.CallAsync(w.PatientId, w.Hospital.Cardiology.Id, Now.AddDays(-100), CallEnd.Completed, QualityCalls.Complete(), recording: recording);
        var middle = await w.Calls.CallAsync(w.PatientId, w.Hospital.Cardiology.Id, Now.AddDays(-45), CallEnd.Completed, QualityCalls.Complete(), recording: recording + "2");
        var recent = await w.Calls.CallAsync(w.PatientId, w.Hospital.Cardiology.Id, Now.AddDays(-5), CallEnd.Completed, QualityCalls.Complete(), recording: recording + "3");
        await using (var db = w.Hospital.Database.NewContext())
        {
            var settings = await db.QualitySettings.SingleAsync();
            (settings.KeepAudioDays, settings.KeepTextDays, settings.KeepDataDays) = (30, 60, 90);
            await db.SaveChangesAsync();
        }
        var deleted = new List<string>();
        bool Delete(string path) { deleted.Add(path); File.Delete(path); return true; }

        await using (var db = w.Hospital.Database.NewContext())
        {
            var run = Assert.Single(await RetentionSweep.RunAsync(db, Now, Delete, CancellationToken.None));
            Assert.Equal((2, 1, 3), (run.RecordingsDeleted, run.TranscriptsCleared, run.AnswersDeleted));
        }
        await using (var db = w.Hospital.Database.NewContext())
            Assert.Empty(await RetentionSweep.RunAsync(db, Now, Delete, CancellationToken.None));

        await using var read = w.Hospital.Database.NewContext();
        Assert.False(File.Exists(recording));
        Assert.Equal([recording, recording + "2"], deleted.Order().ToArray());
        var calls = await read.Calls.ToDictionaryAsync(c => c.Id);
        Assert.Null(calls[old].RecordingPath);
        Assert.Null(calls[middle].RecordingPath);
        Assert.NotNull(calls[recent].RecordingPath);
        Assert.Equal("", calls[old].NumberCipher);
        Assert.All(await read.CallTurns.Where(t => t.CallId == old).ToListAsync(), t => Assert.Equal(RetentionSweep.Removed, t.Text));
        Assert.DoesNotContain(await read.CallTurns.Where(t => t.CallId == middle).ToListAsync(), t => t.Text == RetentionSweep.Removed);
        Assert.Empty(await read.FollowUpResults.Where(r => r.CallId == old).ToListAsync());
        Assert.Equal(3, await read.FollowUpResults.CountAsync(r => r.CallId == middle));
        Assert.Contains(await read.AuditLog.ToListAsync(), a => a.Action == "retention.sweep" && a.Summary.Contains("录音 2 个"));
        Assert.Single(await read.RetentionRuns.ToListAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Only_an_admin_changes_the_settings_and_each_mistake_is_explained(DatabaseProvider provider)
    {
        await using var w = await WorldAsync(provider, percent: 5);
        await using var db = w.Hospital.Database.NewContext();

        Assert.Contains("管理员", Assert.Single(await SaveQualitySettings.SaveAsync(db, w.Hospital.Nurse(w.Hospital.Cardiology.Id),
            new(10, true, true, null, null, null, null), Now, CancellationToken.None)));
        var errors = await SaveQualitySettings.SaveAsync(db, w.Hospital.Admin(), new(120, true, true, "承诺(保证", 0, 90, 30), Now, CancellationToken.None);
        Assert.Equal(4, errors.Count);
        Assert.Empty(await SaveQualitySettings.SaveAsync(db, w.Hospital.Admin(), new(10, true, false, "承诺|保证治好", 30, 60, 365), Now, CancellationToken.None));

        await using var read = w.Hospital.Database.NewContext();
        var saved = await SaveQualitySettings.LoadAsync(read, w.Hospital.Hospital.Id, CancellationToken.None);
        Assert.Equal((10d, false, 30, 60, 365), (saved.SamplePercent, saved.SampleRedFlags, saved.KeepAudioDays!.Value, saved.KeepTextDays!.Value, saved.KeepDataDays!.Value));
        Assert.Contains(await read.AuditLog.ToListAsync(), a => a.Action == "quality.settings");
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Quality;

namespace Suifang.Web.Quality;

public sealed record SampleDetail(QualitySample Sample, Call Call, string? PatientName, string? DepartmentName, List<CallTurn> Turns,
    List<FollowUpResult> Results, Dictionary<string, string> QuestionLabels);

/// What the review page shows of a sampled call; opening it is audited like opening the call (patient data, 5.1.7).
internal static class QualityQueries
{
    public static async Task<(SampleDetail? Detail, bool Forbidden)> DetailAsync(SuifangDbContext db, StaffScope staff, long sampleId, CancellationToken ct)
    {
        var sample = await db.QualitySamples.AsNoTracking().Include(s => s.Findings).Include(s => s.Answers)
            .FirstOrDefaultAsync(s => s.Id == sampleId && s.HospitalId == staff.HospitalId, ct);
        if (sample is null)
            return (null, false);
        if (!staff.CanSeeDepartment(sample.DepartmentId) || !ReviewCall.MayReview(staff))
            return (null, true);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == sample.CallId, ct);
        call.NumberCipher = "";
        var patient = await db.Patients.AsNoTracking().IgnoreQueryFilters().Where(p => p.Id == call.PatientId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == call.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct);
        var turns = await db.CallTurns.AsNoTracking().Where(t => t.CallId == call.Id).OrderBy(t => t.Index).ToListAsync(ct);
        var results = await db.FollowUpResults.AsNoTracking().Where(r => r.CallId == call.Id).OrderBy(r => r.TurnIndex).ToListAsync(ct);
        var json = await db.Scripts.AsNoTracking().Where(s => s.HospitalId == call.HospitalId && s.Key == call.ScriptKey && s.Version == call.ScriptVersion)
            .Select(s => s.Json).FirstOrDefaultAsync(ct);
        var labels = json is null ? [] : ScriptOutline.Parse(json).Questions.GroupBy(q => q.Key).ToDictionary(g => g.Key, g => g.First().Label);
        db.Actor = staff.Actor;
        db.AuditEvent("view", nameof(Call), call.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"质检复核查看通话 {call.Id}（患者 {patient}，ID {call.PatientId}）");
        await db.SaveChangesAsync(ct);
        return (new SampleDetail(sample, call, patient, department, turns, results, labels), false);
    }

    public static async Task<Dictionary<int, string>> DepartmentNamesAsync(SuifangDbContext db, StaffScope staff, CancellationToken ct) =>
        (await db.Departments.AsNoTracking().Where(d => d.HospitalId == staff.HospitalId).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Where(d => staff.CanSeeDepartment(d.Id)).ToDictionary(d => d.Id, d => d.Name);

    public static string RuleName(CheckRule rule) => rule switch
    {
        CheckRule.Identity => "身份确认",
        CheckRule.AiDisclosure => "AI 身份告知",
        CheckRule.RequiredQuestion => "必问问题",
        _ => "禁止内容",
    };

    public static string ReasonName(SampleReason reason) => reason switch
    {
        SampleReason.HandedOff => "转人工",
        SampleReason.RedFlag => "危险信号",
        _ => "按比例抽检",
    };

    public static string Percent(Rate rate) => rate.Value is { } v ? $"{v:P1}" : "—";

    public static string Interval(Rate rate) => rate.Interval95 is { } i ? $"{i.Low:P0}–{i.High:P0}" : "—";
}

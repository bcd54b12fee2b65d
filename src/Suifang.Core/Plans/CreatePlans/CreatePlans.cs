using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Patients;

namespace Suifang.Core.Plans.CreatePlans;

/// 5.1.3 manual plans: staff pick encounters from the patient lists and one or more pathways.
public sealed record CreatePlansCommand(IReadOnlyList<long> EncounterIds, IReadOnlyList<int> PathwayIds, PlanOptions Options);

/// One encounter's outcome: the plan (or its preview) or why none was made.
public sealed record PlanOutcome(long EncounterId, long PatientId, string PatientName, long? PlanId, FollowUpPlan? Plan, IReadOnlyList<PlanIssue> Issues)
{
    public bool Refused => Plan is null;
}

public sealed record CreatePlansResult(IReadOnlyList<PlanOutcome> Outcomes, IReadOnlyDictionary<string, string> Errors)
{
    public int Created => Outcomes.Count(o => o.PlanId is not null);
}

public static class CreatePlans
{
    public const int MaxEncounters = 500;

    /// Builds the plans without saving them, so the user can remove or move steps before confirming.
    public static Task<ScopedResult<CreatePlansResult>> PreviewAsync(SuifangDbContext db, StaffScope scope, CreatePlansCommand c, DateTime now, CancellationToken ct) =>
        RunAsync(db, scope, c, now, save: false, ct);

    public static Task<ScopedResult<CreatePlansResult>> CreateAsync(SuifangDbContext db, StaffScope scope, CreatePlansCommand c, DateTime now, CancellationToken ct) =>
        RunAsync(db, scope, c, now, save: true, ct);

    private static async Task<ScopedResult<CreatePlansResult>> RunAsync(SuifangDbContext db, StaffScope scope, CreatePlansCommand c, DateTime now,
        bool save, CancellationToken ct)
    {
        var errors = Validate(c, now);
        if (errors.Count > 0)
            return Granted([], errors);
        var ids = c.EncounterIds.Distinct().ToList();
        var encounters = await db.Encounters.AsNoTracking().VisibleTo(scope)
            .Where(e => EF.Parameter(ids).Contains(e.Id) && e.DeletedAt == null).ToListAsync(ct);
        if (encounters.Count < ids.Count)
        {
            var anywhere = await db.Encounters.AsNoTracking().CountAsync(e => EF.Parameter(ids).Contains(e.Id) && e.HospitalId == scope.HospitalId && e.DeletedAt == null, ct);
            if (anywhere > encounters.Count)
                return ScopedResult<CreatePlansResult>.Forbidden;
            return Granted([], new Dictionary<string, string> { ["encounterIds"] = "有的就诊记录不存在或已删除，请刷新患者列表后重新选择。" });
        }
        var pathways = await PlanInputs.PathwaysAsync(db, scope.HospitalId, c.PathwayIds.Distinct().ToList(), ct);
        if (pathways.Count < c.PathwayIds.Distinct().Count())
            return Granted([], new Dictionary<string, string> { ["pathwayIds"] = "所选的随访路径不存在，请重新选择。" });
        if (pathways.FirstOrDefault(p => p.Status != PathwayStatus.Published) is { } draft)
            return Granted([], new Dictionary<string, string> { ["pathwayIds"] = $"路径“{draft.Name}”（第 {draft.Version} 版）还没有发布或已归档，只能用已发布的路径创建计划。请先在路径页发布它。" });

        var patients = await PlanInputs.PatientsAsync(db, encounters.Select(e => e.PatientId), ct);
        var options = c.Options with { CreatedBy = scope.UserName, Source = PlanSource.Manual };
        var builds = new List<PlanBuild>();
        foreach (var e in encounters.OrderBy(e => ids.IndexOf(e.Id)))
        {
            if (!patients.TryGetValue(e.PatientId, out var patient))
                continue;
            var build = PlanBuilder.Build(new PlanRequest(patient, PlanEncounter.Of(e), pathways, options), now);
            PlanInputs.Remember(patient, build);
            builds.Add(build);
        }
        if (save)
            await PlanWriter.SaveAsync(db, builds, $"{scope.UserName} 手工创建随访计划 {builds.Count(b => !b.Refused)} 个（路径：{string.Join("、", pathways.Select(p => p.Name))}）", now, ct);
        var outcomes = builds.Select(b => new PlanOutcome(b.Request.Encounter.Id, b.Request.Patient.Id, b.Request.Patient.Name,
            save ? b.Plan?.Id : null, b.Plan, b.Issues)).ToList();
        return Granted(outcomes, new Dictionary<string, string>());
    }

    private static Dictionary<string, string> Validate(CreatePlansCommand c, DateTime now)
    {
        var errors = new Dictionary<string, string>();
        if (c.EncounterIds.Count == 0)
            errors["encounterIds"] = "请先在患者列表中勾选要随访的患者。";
        else if (c.EncounterIds.Count > MaxEncounters)
            errors["encounterIds"] = $"一次最多为 {MaxEncounters} 位患者创建计划，请分批选择。";
        if (c.PathwayIds.Count == 0)
            errors["pathwayIds"] = "请选择随访路径。";
        var o = c.Options;
        if (o.StartAt is { } at && at < now.AddMinutes(-5))
            errors["startAt"] = "定时发送的时间已经过去，请选择将来的时间，或选择“立即发送”。";
        if (o.Redials is < 0 or > 10)
            errors["redials"] = "重拨次数应为 0 到 10 次。";
        if (o.RedialIntervalMinutes is < 5 or > 1440)
            errors["redialIntervalMinutes"] = "重拨间隔应为 5 到 1440 分钟（一天）。";
        if (o.SmsTemplate is { Length: > 500 })
            errors["smsTemplate"] = "短信模板最多 500 个字。";
        if (o.ShiftDays.Values.Any(d => d is < -30 or > 90))
            errors["shiftDays"] = "步骤最多提前 30 天或推后 90 天。";
        return errors;
    }

    private static ScopedResult<CreatePlansResult> Granted(List<PlanOutcome> outcomes, Dictionary<string, string> errors) =>
        ScopedResult<CreatePlansResult>.Granted(new CreatePlansResult(outcomes, errors));
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Plans.CreatePlans;
using Suifang.Core.Plans.Rules;
using Suifang.Core.Patients;
using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Plans.Automatic;

/// What one automatic run did: plans created, encounters matched by no rule, and plans the checks refused (with why).
public sealed record AutoPlanResult(int Encounters, int Created, int NoRule, IReadOnlyList<string> Refusals)
{
    public static readonly AutoPlanResult None = new(0, 0, 0, []);
}

/// 5.1.3 automatic plans: the plan rules turn an encounter's diagnoses (primary and secondary), department and visit
/// type into pathways; one plan per encounter, merged when several rules match. Encounters that already have a plan
/// are left alone, so a repeated import, pull or daily run creates nothing twice.
public static class AutoPlanner
{
    private const int Batch = 5_000;

    /// Right after patients arrive (hand entry, HIS pull, Excel import): the encounters just created or changed.
    public static Task<AutoPlanResult> OnArrivalAsync(SuifangDbContext db, IEnumerable<RowOutcome> written, DateTime now, CancellationToken ct) =>
        ForEncountersAsync(db, written.Where(o => o.EncounterOutcome is WriteOutcome.Created or WriteOutcome.Updated && o.Encounter is not null)
            .Select(o => o.Encounter!.Id).ToList(), now, ct);

    /// The daily job: encounters whose discharge (or visit) lies within the last lookbackDays and that have no plan yet.
    /// A lookback instead of a stored watermark: a missed night or a late discharge is caught on the next run.
    public static async Task<AutoPlanResult> DailyAsync(SuifangDbContext db, DateTime now, int lookbackDays, CancellationToken ct)
    {
        var since = now.AddDays(-lookbackDays);
        var ids = await db.Encounters.AsNoTracking()
            .Where(e => e.DeletedAt == null && (e.DischargeAt ?? e.VisitAt) >= since && !db.Plans.Any(p => p.EncounterId == e.Id))
            .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        var total = AutoPlanResult.None;
        foreach (var chunk in ids.Chunk(Batch * 4))
            total = Add(total, await ForEncountersAsync(db, chunk, now, ct));
        return total;
    }

    public static async Task<AutoPlanResult> ForEncountersAsync(SuifangDbContext db, IReadOnlyCollection<long> encounterIds, DateTime now, CancellationToken ct)
    {
        // Most imports and pulls of a hospital without rules stop here, after one indexed look-up.
        if (encounterIds.Count == 0 || !await db.PlanRules.AnyAsync(r => r.Enabled, ct))
            return new AutoPlanResult(encounterIds.Count, 0, encounterIds.Count, []);
        var ids = encounterIds.Distinct().ToList();
        using var reading = PlanWriter.Phase("plans.encounters");
        var encounters = await db.Encounters.AsNoTracking()
            .Where(e => EF.Parameter(ids).Contains(e.Id) && e.DeletedAt == null && !db.Plans.Any(p => p.EncounterId == e.Id))
            .Select(e => new
            {
                Facts = new EncounterFacts(e.DepartmentId, e.VisitType, e.PrimaryDiagnosisCode, e.SecondaryDiagnoses.Select(d => d.Code).ToList()),
                Encounter = new PlanEncounter(e.Id, e.CampusId, e.DepartmentId, e.VisitType, e.VisitAt, e.DischargeAt),
                e.PatientId,
                e.HospitalId,
            })
            .ToListAsync(ct);
        reading?.Dispose();
        var total = AutoPlanResult.None;
        foreach (var hospital in encounters.GroupBy(e => e.HospitalId))
        {
            var matcher = new PlanRuleMatcher(await db.PlanRules.AsNoTracking().Where(r => r.HospitalId == hospital.Key && r.Enabled).ToListAsync(ct));
            if (matcher.IsEmpty)
            {
                total = Add(total, new AutoPlanResult(hospital.Count(), 0, hospital.Count(), []));
                continue;
            }
            var pathways = await PlanInputs.NewestPublishedAsync(db, hospital.Key, ct);
            var wanted = hospital.Select(e => (e, Keys: matcher.PathwayKeys(e.Facts).Where(pathways.ContainsKey).ToList())).ToList();
            var matched = wanted.Where(w => w.Keys.Count > 0).ToList();
            foreach (var chunk in matched.Chunk(Batch))
            {
                Dictionary<long, PlanPatient> patients;
                using (PlanWriter.Phase("plans.inputs"))
                    patients = await PlanInputs.PatientsAsync(db, chunk.Select(w => w.e.PatientId), ct);
                using var building = PlanWriter.Phase("plans.build");
                var options = new PlanOptions { Source = PlanSource.Rule, CreatedBy = "计划规则" };
                var builds = new List<PlanBuild>(chunk.Length);
                foreach (var (e, keys) in chunk)
                {
                    if (!patients.TryGetValue(e.PatientId, out var patient))
                        continue;
                    var build = PlanBuilder.Build(new PlanRequest(patient, e.Encounter, keys.Select(k => pathways[k]).ToList(), options), now);
                    PlanInputs.Remember(patient, build);
                    builds.Add(build);
                }
                building?.Dispose();
                var saved = await PlanWriter.SaveAsync(db, builds, $"按计划规则自动创建随访计划 {builds.Count(b => !b.Refused)} 个", now, ct);
                var refusals = builds.Where(b => b.Refused).Select(b => $"{b.Request.Patient.Name}（就诊 {b.Request.Encounter.Id}）：{b.RefusalText}").ToList();
                total = Add(total, new AutoPlanResult(chunk.Length, saved.Count, 0, refusals));
            }
            total = Add(total, new AutoPlanResult(wanted.Count - matched.Count, 0, wanted.Count - matched.Count, []));
        }
        return total;
    }

    private static AutoPlanResult Add(AutoPlanResult a, AutoPlanResult b) =>
        new(a.Encounters + b.Encounters, a.Created + b.Created, a.NoRule + b.NoRule, [.. a.Refusals, .. b.Refusals.Take(Math.Max(0, 200 - a.Refusals.Count))]);
}


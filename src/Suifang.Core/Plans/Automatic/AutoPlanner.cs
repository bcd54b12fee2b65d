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
    public static Task<AutoPlanResult> DailyAsync(SuifangDbContext db, DateTime now, int lookbackDays, CancellationToken ct) =>
        DailyAsync(db, now, lookbackDays, ct, pipelined: true);

    /// pipelined: false runs batch after batch on the caller's context (the bench's --sequential, to measure the pipeline).
    internal static async Task<AutoPlanResult> DailyAsync(SuifangDbContext db, DateTime now, int lookbackDays, CancellationToken ct, bool pipelined)
    {
        var since = now.AddDays(-lookbackDays);
        var ids = await db.Encounters.AsNoTracking()
            .Where(e => e.DeletedAt == null && (e.DischargeAt ?? e.VisitAt) >= since && !db.Plans.Any(p => p.EncounterId == e.Id))
            .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        return await ForEncountersAsync(db, ids, now, ct, Batch, pipelined);
    }

    /// Plans for the encounters, 5,000 per batch, each batch in its own transaction (PlanWriter). When the caller has no
    /// transaction open, the next batch is prepared (encounters, inputs, rules, merge, build) on a second connection
    /// while the current one is written (AutoPlanPipeline); otherwise batch after batch on the caller's connection, which
    /// then sees what the caller wrote. Either way the batches are written in order, and a batch that fails is rolled
    /// back whole and stops the run: the batches before it stay, none after it is written, and the next run (the daily
    /// job's lookback, or the next arrival) picks up the encounters still without a plan.
    public static Task<AutoPlanResult> ForEncountersAsync(SuifangDbContext db, IReadOnlyCollection<long> encounterIds, DateTime now, CancellationToken ct) =>
        ForEncountersAsync(db, encounterIds, now, ct, Batch, pipelined: true);

    /// batch and pipelined: the tests' handles on the batch size and on the pipeline (AutoPlanPipelineTests).
    internal static async Task<AutoPlanResult> ForEncountersAsync(SuifangDbContext db, IReadOnlyCollection<long> encounterIds, DateTime now,
        CancellationToken ct, int batch, bool pipelined)
    {
        // Most imports and pulls of a hospital without rules stop here, after one indexed look-up.
        if (encounterIds.Count == 0 || !await db.PlanRules.AnyAsync(r => r.Enabled, ct))
            return new AutoPlanResult(encounterIds.Count, 0, encounterIds.Count, []);
        var ids = encounterIds.Distinct().ToList();
        var total = AutoPlanResult.None;
        await AutoPlanPipeline.RunAsync(db, pipelined, ct2 => PrepareAsync(db, ids, now, batch, ct2), (reader, ct2) => PrepareAsync(reader, ids, now, batch, ct2),
            async batch =>
            {
                var saved = batch.Rows is null ? [] : await PlanWriter.SaveAsync(db, batch.Rows, $"按计划规则自动创建随访计划 {batch.Rows.Plans.Count} 个", now, ct);
                var refusals = batch.Builds.Where(b => b.Refused).Select(b => $"{b.Request.Patient.Name}（就诊 {b.Request.Encounter.Id}）：{b.RefusalText}").ToList();
                total = Add(total, new AutoPlanResult(batch.Encounters, saved.Count, batch.NoRule, refusals));
            }, ct);
        return total;
    }

    /// A batch ready to write: its plans (built, not saved; Rows made ready to write when there are any), and the
    /// encounters it accounts for.
    internal sealed record Prepared(int Encounters, int NoRule, List<PlanBuild> Builds, PlanRows? Rows = null);

    /// Reads the encounters (20,000 at a time), matches the rules and builds the plans, one batch of 5,000 at a time.
    /// The batches before this one may not be committed yet when it is read (pipelined): their plans are remembered on
    /// the patients of this one (PlanInputs.Remember, idempotent when the database already shows them).
    private static async IAsyncEnumerable<Prepared> PrepareAsync(SuifangDbContext db, List<long> all, DateTime now, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var recent = new Queue<Dictionary<long, List<PlanBuild>>>();
        foreach (var ids in Chunks(all, batchSize))
        {
            List<(EncounterFacts Facts, PlanEncounter Encounter, long PatientId, int HospitalId)> encounters;
            using (PlanWriter.Phase("plans.encounters"))
                encounters = (await db.Encounters.AsNoTracking()
                    .Where(e => EF.Parameter(ids).Contains(e.Id) && e.DeletedAt == null && !db.Plans.Any(p => p.EncounterId == e.Id))
                    .Select(e => new
                    {
                        Facts = new EncounterFacts(e.DepartmentId, e.VisitType, e.PrimaryDiagnosisCode, e.SecondaryDiagnoses.Select(d => d.Code).ToList()),
                        Encounter = new PlanEncounter(e.Id, e.CampusId, e.DepartmentId, e.VisitType, e.VisitAt, e.DischargeAt),
                        e.PatientId,
                        e.HospitalId,
                    })
                    .ToListAsync(ct)).Select(e => (e.Facts, e.Encounter, e.PatientId, e.HospitalId)).ToList();
            foreach (var hospital in encounters.GroupBy(e => e.HospitalId))
            {
                var matcher = new PlanRuleMatcher(await db.PlanRules.AsNoTracking().Where(r => r.HospitalId == hospital.Key && r.Enabled).ToListAsync(ct));
                if (matcher.IsEmpty)
                {
                    yield return new Prepared(hospital.Count(), hospital.Count(), []);
                    continue;
                }
                var pathways = await PlanInputs.NewestPublishedAsync(db, hospital.Key, ct);
                var wanted = hospital.Select(e => (e, Keys: matcher.PathwayKeys(e.Facts).Where(pathways.ContainsKey).ToList())).ToList();
                var matched = wanted.Where(w => w.Keys.Count > 0).ToList();
                foreach (var chunk in matched.Chunk(batchSize))
                {
                    Dictionary<long, PlanPatient> patients;
                    using (PlanWriter.Phase("plans.inputs"))
                        patients = await PlanInputs.PatientsAsync(db, chunk.Select(w => w.e.PatientId), ct);
                    using var building = PlanWriter.Phase("plans.build");
                    foreach (var earlier in recent)
                        foreach (var (patientId, builds) in earlier)
                            if (patients.TryGetValue(patientId, out var patient))
                                foreach (var b in builds)
                                    PlanInputs.Remember(patient, b);
                    var options = new PlanOptions { Source = PlanSource.Rule, CreatedBy = "计划规则" };
                    var batch = new List<PlanBuild>(chunk.Length);
                    var byPatient = new Dictionary<long, List<PlanBuild>>();
                    foreach (var (e, keys) in chunk)
                    {
                        if (!patients.TryGetValue(e.PatientId, out var patient))
                            continue;
                        var build = PlanBuilder.Build(new PlanRequest(patient, e.Encounter, keys.Select(k => pathways[k]).ToList(), options), now);
                        PlanInputs.Remember(patient, build);
                        batch.Add(build);
                        if (!build.Refused)
                            (byPatient.TryGetValue(e.PatientId, out var list) ? list : byPatient[e.PatientId] = []).Add(build);
                    }
                    building?.Dispose();
                    // At most two batches are ahead of the last commit (one being written, one waiting): keep three.
                    recent.Enqueue(byPatient);
                    if (recent.Count > 3)
                        recent.Dequeue();
                    yield return new Prepared(chunk.Length, 0, batch, batch.Count == 0 ? null : await PlanWriter.PrepareAsync(db, batch, now, ct));
                }
                if (wanted.Count > matched.Count)
                    yield return new Prepared(wanted.Count - matched.Count, wanted.Count - matched.Count, []);
            }
        }
    }

    /// The encounters to read at a time: a fifth of a batch first, so that the first (small) batch is written while the
    /// next ones are prepared (the pipeline's writer does not wait for a whole batch to start), then four batches' worth.
    private static IEnumerable<List<long>> Chunks(List<long> all, int batchSize)
    {
        var first = Math.Max(1, batchSize / 5);
        yield return all.Take(first).ToList();
        foreach (var chunk in all.Skip(first).Chunk(batchSize * 4))
            yield return [.. chunk];
    }

    private static AutoPlanResult Add(AutoPlanResult a, AutoPlanResult b) =>
        new(a.Encounters + b.Encounters, a.Created + b.Created, a.NoRule + b.NoRule, [.. a.Refusals, .. b.Refusals.Take(Math.Max(0, 200 - a.Refusals.Count))]);
}


using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.CreatePlans;

/// Loads what the plan builder needs to know about many patients at once: a few queries per 20,000 patients.
public static class PlanInputs
{
    private const int Chunk = 20_000;

    public static async Task<Dictionary<long, PlanPatient>> PatientsAsync(SuifangDbContext db, IEnumerable<long> patientIds, CancellationToken ct)
    {
        var result = new Dictionary<long, PlanPatient>();
        foreach (var chunk in patientIds.Distinct().Chunk(Chunk))
        {
            var ids = chunk.ToList();
            var people = await db.Patients.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id) && p.DeletedAt == null)
                .Select(p => new { p.Id, p.HospitalId, p.Name, HasPhone = p.PhoneCipher != "" || p.FamilyPhoneCipher != null })
                .ToListAsync(ct);
            var open = (await (
                    from p in db.Plans
                    where EF.Parameter(ids).Contains(p.PatientId) && (p.Status == PlanStatus.Scheduled || p.Status == PlanStatus.Active)
                    join x in db.Set<PlanPathway>() on p.Id equals x.PlanId
                    join w in db.Pathways on x.PathwayId equals w.Id
                    select new { p.PatientId, p.EncounterId, w.Key })
                .AsNoTracking().ToListAsync(ct)).ToLookup(x => x.PatientId);
            var calls = (await db.Tasks.AsNoTracking()
                .Where(t => EF.Parameter(ids).Contains(t.PatientId)
                    && (t.State == TaskState.Pending || t.State == TaskState.Due || t.State == TaskState.Leased || t.State == TaskState.Running)
                    && (t.Channel == ChannelKind.AiCall || t.Channel == ChannelKind.Manual))
                .Select(t => new { t.PatientId, t.NextAttemptAt })
                .ToListAsync(ct)).ToLookup(x => x.PatientId);
            foreach (var p in people)
                result[p.Id] = new PlanPatient(p.Id, p.HospitalId, p.Name, p.HasPhone)
                {
                    OpenPlans = open[p.Id].Select(x => (x.EncounterId, x.Key)).ToHashSet(),
                    CallDays = calls[p.Id].Select(x => DateOnly.FromDateTime(x.NextAttemptAt)).ToHashSet(),
                };
        }
        return result;
    }

    /// After a plan is built, the next plan of the same patient in the same batch must see it.
    public static void Remember(PlanPatient patient, PlanBuild build)
    {
        if (build.Plan is not { } plan)
            return;
        if (patient.OpenPlans is HashSet<(long?, string)> open)
            foreach (var p in build.Request.Pathways)
                open.Add((plan.EncounterId, p.Key));
        if (patient.CallDays is HashSet<DateOnly> days)
            foreach (var t in build.Tasks.Where(t => t.Channel is ChannelKind.AiCall or ChannelKind.Manual))
                days.Add(DateOnly.FromDateTime(t.NextAttemptAt));
    }

    public static Task<List<Pathway>> PathwaysAsync(SuifangDbContext db, int hospitalId, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        return db.Pathways.AsNoTracking().Include(p => p.Nodes)
            .Where(p => p.HospitalId == hospitalId && EF.Parameter(list).Contains(p.Id)).ToListAsync(ct);
    }

    /// The newest published version of every pathway of the hospital, by key.
    public static async Task<Dictionary<string, Pathway>> NewestPublishedAsync(SuifangDbContext db, int hospitalId, CancellationToken ct)
    {
        var all = await db.Pathways.AsNoTracking().Include(p => p.Nodes)
            .Where(p => p.HospitalId == hospitalId && p.Status == PathwayStatus.Published).ToListAsync(ct);
        return all.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Version)!);
    }

    /// Published pathways (newest version per key) whose diseases contain the code.
    public static IEnumerable<Pathway> Covering(IEnumerable<Pathway> newest, string code) =>
        newest.Where(p => IcdRange.AnyContains(IcdRange.ParseList(p.DiseaseCodes), code));
}

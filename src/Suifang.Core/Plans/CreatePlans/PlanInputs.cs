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
                .Select(p => new { p.Id, p.HospitalId, p.Name, HasPhone = p.PhoneCipher != "" || p.FamilyPhoneCipher != null, p.PhoneIndex })
                .ToListAsync(ct);
            // Driven by the patients' open plans (a few at most, usually none): queries that start from the patient ids
            // and then the plan ids keep to their indexes, however many plans and steps the tables hold.
            var openPlans = await db.Plans.AsNoTracking()
                .Where(p => EF.Parameter(ids).Contains(p.PatientId) && (p.Status == PlanStatus.Scheduled || p.Status == PlanStatus.Active))
                .Select(p => new { p.Id, p.PatientId, p.EncounterId, p.StartAt, p.LaterSteps, p.AnchorTime })
                .ToDictionaryAsync(p => p.Id, ct);
            var sources = await Upcoming.LaterSteps.SourcesAsync(db, openPlans.Values.Select(p => p.LaterSteps), ct);
            var planIds = openPlans.Keys.ToList();
            var open = (planIds.Count == 0 ? [] : await (
                    from x in db.Set<PlanPathway>()
                    where EF.Parameter(planIds).Contains(x.PlanId)
                    join w in db.Pathways on x.PathwayId equals w.Id
                    select new { x.PlanId, w.Key })
                .AsNoTracking().ToListAsync(ct)).ToLookup(x => openPlans[x.PlanId].PatientId, x => (openPlans[x.PlanId].EncounterId, x.Key));
            var calls = (await db.Tasks.AsNoTracking().Open()
                .Where(t => EF.Parameter(ids).Contains(t.PatientId)
                    && (t.Channel == ChannelKind.AiCall || t.Channel == ChannelKind.Manual))
                .Select(t => new { t.PatientId, t.NextAttemptAt })
                .ToListAsync(ct)).ToLookup(x => x.PatientId, x => DateOnly.FromDateTime(x.NextAttemptAt));
            // Steps of open plans that start with a call and whose task is not made yet (StepTasks.Horizon).
            var laterCalls = (planIds.Count == 0 ? [] : await db.PlanSteps.AsNoTracking()
                    .Where(s => EF.Parameter(planIds).Contains(s.PlanId) && s.Status == StepStatus.Waiting
                        && (s.FirstChannel == ChannelKind.AiCall || s.FirstChannel == ChannelKind.Manual)
                        && !db.Tasks.Any(t => t.PlanStepId == s.Id))
                    .Select(s => new { s.PlanId, s.DueFrom })
                    .ToListAsync(ct))
                // ... and the later steps not yet made rows (LaterSteps) that start with a call.
                .Concat(openPlans.Values.Where(p => p.LaterSteps is not null).SelectMany(p => Upcoming.LaterSteps.Read(p.LaterSteps, p.AnchorTime, sources)
                    .Where(s => s.FirstChannel is ChannelKind.AiCall or ChannelKind.Manual).Select(s => new { PlanId = p.Id, s.DueFrom })))
                .ToLookup(x => openPlans[x.PlanId].PatientId, x => CallDay(x.DueFrom, openPlans[x.PlanId].StartAt));
            var refused = await RefusalsAsync(db, ids, people.Select(p => p.PhoneIndex).Where(i => i != "").ToList(), ct);
            foreach (var p in people)
                result[p.Id] = new PlanPatient(p.Id, p.HospitalId, p.Name, p.HasPhone)
                {
                    DoNotContactReason = refused.ByPatient.GetValueOrDefault(p.Id) ?? refused.ByPhone.GetValueOrDefault(p.PhoneIndex),
                    OpenPlans = open[p.Id].ToHashSet(),
                    CallDays = calls[p.Id].Concat(laterCalls[p.Id]).ToHashSet(),
                };
        }
        return result;
    }

    /// Patients on the do-not-call list (by patient or by phone number) or whose latest consent is a withdrawal: no plan.
    private static async Task<(Dictionary<long, string> ByPatient, Dictionary<string, string> ByPhone)> RefusalsAsync(
        SuifangDbContext db, List<long> ids, List<string> phones, CancellationToken ct)
    {
        var entries = await db.DoNotContacts.AsNoTracking()
            .Where(d => d.RemovedAt == null && d.Scope == Contact.DoNotContactScope.All && ((d.PatientId != null && EF.Parameter(ids).Contains(d.PatientId.Value))
                || (d.PhoneIndex != null && EF.Parameter(phones).Contains(d.PhoneIndex))))
            .Select(d => new { d.PatientId, d.PhoneIndex, d.Reason })
            .ToListAsync(ct);
        var byPatient = entries.Where(e => e.PatientId is not null)
            .GroupBy(e => e.PatientId!.Value).ToDictionary(g => g.Key, g => "患者在免打扰名单中（" + g.First().Reason + "）");
        var byPhone = entries.Where(e => e.PhoneIndex is not null)
            .GroupBy(e => e.PhoneIndex!).ToDictionary(g => g.Key, g => "患者的电话号码在免打扰名单中（" + g.First().Reason + "）");
        var consents = await db.Consents.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.PatientId))
            .Select(c => new { c.PatientId, c.Decision, c.RecordedAt, c.Id }).ToListAsync(ct);
        foreach (var latest in consents.GroupBy(c => c.PatientId).Select(g => g.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).First()))
            if (latest.Decision == Contact.ConsentDecision.Withdrawn)
                byPatient.TryAdd(latest.PatientId, "患者已撤回随访知情同意");
        return (byPatient, byPhone);
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
        {
            for (var i = 0; i < build.Tasks.Count; i++)
                if (build.Tasks[i].Channel is ChannelKind.AiCall or ChannelKind.Manual)
                    days.Add(DateOnly.FromDateTime(build.Tasks[i].NextAttemptAt));
            if (build.Tasks.Count < plan.Steps.Count)
                foreach (var s in plan.Steps)
                    if (s.FirstChannel is ChannelKind.AiCall or ChannelKind.Manual && !HasTask(build.Tasks, s))
                        days.Add(CallDay(s.DueFrom, plan.StartAt));
        }
    }

    private static bool HasTask(IReadOnlyList<FollowUpTask> tasks, PlanStep step)
    {
        for (var i = 0; i < tasks.Count; i++)
            if (tasks[i].Step == step)
                return true;
        return false;
    }

    /// The day a step's first call goes when its task is made: its window's start, or the plan's set start if later.
    private static DateOnly CallDay(DateTime dueFrom, DateTime? startAt) => DateOnly.FromDateTime(startAt is { } at && at > dueFrom ? at : dueFrom);

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

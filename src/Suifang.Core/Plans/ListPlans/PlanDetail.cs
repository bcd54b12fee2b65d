using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Plans.Metrics;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.ListPlans;

public sealed record PlanTaskView(long Id, ChannelKind Channel, TaskState State, DateTime NextAttemptAt, int Attempts, int MaxAttempts, string? Outcome);

/// Questions, Triggers and Channels are the step's content (its node's, or its own when merged or changed): read them
/// here, not from Step, whose own lists are empty when it refers to its node. An empty Tasks list means the step's first
/// task is made when the step comes near (StepTasks.Horizon).
public sealed record PlanStepView(PlanStep Step, long? DependsOnStepId, int? DependsOnOrder, IReadOnlyList<PlanTaskView> Tasks)
{
    public IReadOnlyList<NodeQuestion> Questions => Step.Content.Questions;
    public IReadOnlyList<TriggerRule> Triggers => Step.Content.Triggers;
    public IReadOnlyList<ChannelStep> Channels => Step.Content.Channels;
}

/// The plan page (7.2.1.1 e): the goal, its sub-goals (steps) in order with dependencies, each step's questions,
/// triggers, channels and task states, the merge notes, and E_p / P_p.
public sealed record PlanDetail(FollowUpPlan Plan, string PatientName, string DepartmentName, string Goal, string? EncounterText,
    IReadOnlyList<Pathway> Pathways, IReadOnlyList<PlanStepView> Steps, PlanMetrics.Figures Figures);

public static class OpenPlan
{
    public static async Task<ScopedResult<PlanDetail>> RunAsync(SuifangDbContext db, StaffScope scope, long id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Steps).ThenInclude(s => s.Node).Include(p => p.Pathways).ThenInclude(x => x.Pathway)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id && p.HospitalId == scope.HospitalId, ct);
        if (plan is null)
            return ScopedResult<PlanDetail>.NotFound;
        if (!scope.CanSeeDepartment(plan.DepartmentId))
            return ScopedResult<PlanDetail>.Forbidden;
        plan.MergeNotes = await MergeNotes.ReadAsync(db, plan.MergeNotesId, ct);
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == plan.PatientId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == plan.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        var encounter = plan.EncounterId is { } eid
            ? await db.Encounters.AsNoTracking().Where(e => e.Id == eid).Select(e => new { e.VisitType, e.PrimaryDiagnosisCode, e.PrimaryDiagnosisName, e.VisitAt, e.DischargeAt }).FirstOrDefaultAsync(ct)
            : null;
        var tasks = (await db.Tasks.AsNoTracking().Where(t => t.PlanId == plan.Id).OrderBy(t => t.ChannelIndex).ThenBy(t => t.Id)
            .Select(t => new { t.PlanStepId, View = new PlanTaskView(t.Id, t.Channel, t.State, t.NextAttemptAt, t.Attempts, t.MaxAttempts, t.Outcome) })
            .ToListAsync(ct)).ToLookup(t => t.PlanStepId);
        // The later steps not yet made rows (LaterSteps) are shown too, each after the step before it, with no task yet.
        var steps = plan.Steps.Concat(await Upcoming.LaterSteps.ForShowingAsync(db, plan, ct)).OrderBy(s => s.Order).ToList();
        var views = steps.Select((s, i) => new PlanStepView(s, s.DependsOnStepId,
            s.Id == 0 ? (i > 0 ? steps[i - 1].Order : null) : steps.FirstOrDefault(x => x.Id == s.DependsOnStepId)?.Order,
            s.Id == 0 ? [] : tasks[s.Id].Select(t => t.View).ToList())).ToList();
        var pathways = plan.Pathways.Select(x => x.Pathway!).ToList();
        var last = steps.Count > 0 ? (int)Math.Round((steps[^1].DueFrom - plan.AnchorTime).TotalDays) : 0;
        var anchorWord = encounter?.DischargeAt is not null ? "出院" : "就诊";
        var diseases = string.Join("、", pathways.Select(p => p.DiseaseNames.Trim().TrimEnd("随访".ToCharArray()).Trim()).Distinct());
        var goal = $"{anchorWord}后 {last} 天 {diseases} 随访";
        var encounterText = encounter is null ? null
            : $"{encounter.PrimaryDiagnosisCode} {encounter.PrimaryDiagnosisName}，{anchorWord}时间 {plan.AnchorTime:yyyy-MM-dd HH:mm}";
        return ScopedResult<PlanDetail>.Granted(new PlanDetail(plan, patient, department, goal, encounterText, pathways, views, PlanMetrics.Compute(steps)));
    }
}

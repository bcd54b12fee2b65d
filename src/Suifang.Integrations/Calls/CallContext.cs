using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;

namespace Suifang.Integrations.Calls;

/// What a call needs to know before dialling, read in one short context: the patient, the step (questions, triggers,
/// script key), the hospital and department names, a call already made under this key, and what blocks calling.
internal sealed record CallContext(Call? Existing, string PatientName, Gender PatientGender, DateOnly? PatientBirthDate, string PhoneCipher, string PhoneIndex,
    string PhoneMasked, string Hospital, string? Department, PlanStep? Step, DateTime? Anchor, string? Blocked,
    Agent.Dialogue.CallMemory Memory)
{
    public static async Task<CallContext?> LoadAsync(SuifangDbContext db, TaskExecution execution, CancellationToken ct)
    {
        var task = execution.Task;
        var existing = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.EffectKey == execution.EffectKey, ct);
        var patient = await db.Patients.AsNoTracking().IgnoreQueryFilters().Where(p => p.Id == task.PatientId)
            .Select(p => new { p.Name, p.Gender, p.BirthDate, p.PhoneCipher, p.PhoneIndex, p.PhoneMasked }).FirstOrDefaultAsync(ct);
        if (patient is null)
            return null;
        var hospital = await db.Hospitals.AsNoTracking().Where(h => h.Id == task.HospitalId).Select(h => h.Name).FirstOrDefaultAsync(ct) ?? "";
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == task.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct);
        var step = task.Step;
        // A step that refers to its pathway node needs the node for its questions and triggers (PlanStep.Content).
        if ((step is null || (step.NodeId is not null && step.Node is null)) && task.PlanStepId is { } stepId)
            step = await db.PlanSteps.AsNoTracking().Include(s => s.Node).FirstOrDefaultAsync(s => s.Id == stepId, ct);
        var anchor = task.Plan?.AnchorTime;
        if (anchor is null && task.PlanId is { } planId)
            anchor = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => (DateTime?)p.AnchorTime).FirstOrDefaultAsync(ct);
        var blocked = existing is null ? await CallFlags.BlockingAsync(db, task.PatientId, patient.PhoneIndex, ct) : null;
        var memory = existing is null && blocked is null ? await CallMemories.LoadAsync(db, task.PatientId, ct) : Agent.Dialogue.CallMemory.Empty;
        return new CallContext(existing, patient.Name, patient.Gender, patient.BirthDate, patient.PhoneCipher, patient.PhoneIndex,
            patient.PhoneMasked, hospital, department, step, anchor, blocked, memory);
    }

    public IReadOnlyList<NodeQuestion> Questions => Step?.Content.Questions ?? [];
    public IReadOnlyList<TriggerRule> Triggers => Step?.Content.Triggers ?? [];
}

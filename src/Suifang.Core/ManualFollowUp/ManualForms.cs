using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Presets;
using Suifang.Core.Patients;
using Suifang.Core.Todos;

namespace Suifang.Core.ManualFollowUp;

public sealed record FormTemplateChoice(int Id, string Name, int Version, bool AllDepartments);
public sealed record PatientSummary(long PatientId, string Name, string Gender, int? Age, string PhoneMasked, string? FamilyContact,
    string? FamilyPhoneMasked, string Department, string? Diagnosis, DateTime? DischargeAt, string? AttendingDoctor);
public sealed record LastAnswer(DateTime At, string Question, string Value, string Source, string? Period);
public sealed record OpenTodo(long Id, string Reason, string Urgency, DateTime CreatedAt);
public sealed record EarlierTry(int Number, DateTime StartedAt, string? Outcome);

/// Everything the recording form shows while the nurse is on the phone.
public sealed record ManualFormView(
    long EntryId, long TaskId, string? StepLabel, string? StepTitle, int Attempt, int MaxAttempts, DateTime DueTo, string Status,
    bool ClaimedByMe, bool CanRecord, PatientSummary Patient, IReadOnlyList<LastAnswer> LastAnswers, IReadOnlyList<OpenTodo> Todos,
    IReadOnlyList<EarlierTry> EarlierTries, FormTemplateChoice? Template, IReadOnlyList<FormTemplateChoice> Templates,
    IReadOnlyList<NodeQuestion> Questions);

/// Opens the recording form of one queue entry (audited: it shows the patient's data) and picks its questions.
public static class ManualForms
{
    public static async Task<ScopedResult<ManualFormView>> OpenAsync(SuifangDbContext db, StaffScope scope, long entryId, int? templateId,
        DateTime now, CancellationToken ct)
    {
        var entry = await db.ManualQueue.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.HospitalId == scope.HospitalId, ct);
        if (entry is null)
            return ScopedResult<ManualFormView>.NotFound;
        db.Actor = scope.Actor;
        if (!scope.CanSeeDepartment(entry.DepartmentId))
        {
            db.AuditEvent(AuditActions.View, "ManualFollowUp", entryId.ToString(), $"打开人工随访记录表被拒绝：任务不属于本人科室（患者 ID {entry.PatientId}）");
            await db.SaveChangesAsync(ct);
            return ScopedResult<ManualFormView>.Forbidden;
        }
        var task = await db.Tasks.AsNoTracking().Include(t => t.Step).ThenInclude(s => s!.Node).Include(t => t.AttemptLog)
            .FirstAsync(t => t.Id == entry.TaskId, ct);
        var patient = await db.Patients.AsNoTracking().Include(p => p.Encounters).FirstAsync(p => p.Id == entry.PatientId, ct);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == entry.DepartmentId).Select(d => d.Name).FirstAsync(ct);
        var (template, questions) = await FormAsync(db, entry, task.Step, templateId, ct);
        var templates = await AvailableAsync(db, entry.HospitalId, entry.DepartmentId).AsNoTracking()
            .OrderBy(t => t.DepartmentId == null).ThenBy(t => t.Name)
            .Select(t => new FormTemplateChoice(t.Id, t.Name, t.Version, t.DepartmentId == null)).ToListAsync(ct);
        var waiting = await ManualQueueList.Waiting(db, scope).AnyAsync(e => e.Id == entryId, ct);
        var encounter = patient.Encounters.Where(e => e.DeletedAt == null).OrderByDescending(e => e.DepartmentId == entry.DepartmentId)
            .ThenByDescending(e => e.AnchorTime).FirstOrDefault();
        var summary = new PatientSummary(patient.Id, patient.Name, patient.Gender switch { Gender.Male => "男", Gender.Female => "女", _ => "未知" }, PatientAge.On(patient.BirthDate, DateOnly.FromDateTime(now)),
            patient.PhoneMasked, patient.FamilyContactName is null ? null : $"{patient.FamilyContactName}（{patient.FamilyRelation}）",
            patient.FamilyPhoneMasked, department, encounter is null ? null : $"{encounter.PrimaryDiagnosisName}（{encounter.PrimaryDiagnosisCode}）",
            encounter?.DischargeAt, encounter?.AttendingDoctor);
        db.AuditEvent(AuditActions.View, "ManualFollowUp", entryId.ToString(), $"打开人工随访记录表：患者 {patient.Name}（ID {patient.Id}）");
        await db.SaveChangesAsync(ct);
        return ScopedResult<ManualFormView>.Granted(new ManualFormView(entry.Id, task.Id, task.Step?.Label, task.Step?.Title,
            entry.AttemptNumber, task.MaxAttempts, entry.DueTo, ManualQueueList.StatusOf(entry, scope.UserId, now),
            entry.IsClaimedBy(scope.UserId, now), waiting && !entry.IsClaimedByOther(scope.UserId, now), summary,
            await LastAnswersAsync(db, entry.PatientId, ct), await TodosAsync(db, entry.PatientId, ct),
            task.AttemptLog.Where(a => a.Number < entry.AttemptNumber).OrderBy(a => a.Number).Select(a => new EarlierTry(a.Number, a.StartedAt, a.Outcome)).ToList(),
            template is null ? null : new FormTemplateChoice(template.Id, template.Name, template.Version, template.DepartmentId == null),
            templates, questions));
    }

    /// The published forms an entry's department may use: its own and the hospital-wide ones.
    public static IQueryable<ManualFormTemplate> AvailableAsync(SuifangDbContext db, int hospitalId, int departmentId) =>
        db.ManualFormTemplates.Where(t => t.HospitalId == hospitalId && t.Status == ManualFormStatus.Published
            && (t.DepartmentId == null || t.DepartmentId == departmentId));

    /// The form of an entry: the one asked for, else the one the step's node names (ScriptKey), else the department's
    /// newest, else a hospital-wide one; then the step's own questions that the form does not ask (the pathway's
    /// questions are always collected, so its triggers can fire).
    public static async Task<(ManualFormTemplate? Template, List<NodeQuestion> Questions)> FormAsync(SuifangDbContext db, ManualQueueEntry entry,
        Plans.PlanStep? step, int? templateId, CancellationToken ct)
    {
        var available = await AvailableAsync(db, entry.HospitalId, entry.DepartmentId).AsNoTracking().ToListAsync(ct);
        var template = (templateId is { } id ? available.FirstOrDefault(t => t.Id == id) : null)
            ?? available.FirstOrDefault(t => step?.ScriptKey is { } k && t.Key == k)
            ?? available.Where(t => t.DepartmentId == entry.DepartmentId).OrderByDescending(t => t.CreatedAt).FirstOrDefault()
            ?? available.Where(t => t.DepartmentId == null).OrderBy(t => t.Id).FirstOrDefault();
        var questions = template?.Questions.ToList() ?? [];
        if (step is not null)
            questions.AddRange(step.Content.Questions.Where(q => questions.All(t => t.Key != q.Key)));
        return (template, questions);
    }

    private static async Task<List<LastAnswer>> LastAnswersAsync(SuifangDbContext db, long patientId, CancellationToken ct)
    {
        var rows = await db.FollowUpResults.AsNoTracking().Where(r => r.PatientId == patientId)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(12).ToListAsync(ct);
        return rows.Select(r => new LastAnswer(r.At,
            PathwayPresets.Vocabulary.TryGetValue(r.QuestionKey, out var q) ? q.Text! : r.QuestionKey,
            r.Value switch { "yes" => "是", "no" => "否", "uncertain" => "不确定", _ => r.Value },
            r.Source switch { Calls.ResultSource.AiCall => "AI 外呼", Calls.ResultSource.Sms => "短信", Calls.ResultSource.Questionnaire => "问卷", _ => "人工随访" },
            r.Period)).ToList();
    }

    private static async Task<List<OpenTodo>> TodosAsync(SuifangDbContext db, long patientId, CancellationToken ct) =>
        (await db.Todos.AsNoTracking().Where(t => t.PatientId == patientId && t.Status == TodoStatus.Open)
            .OrderByDescending(t => t.Urgency).ThenByDescending(t => t.CreatedAt).Take(20).ToListAsync(ct))
        .Select(t => new OpenTodo(t.Id, t.Reason, t.Urgency switch { TodoUrgency.Critical => "危急", TodoUrgency.Urgent => "紧急", _ => "一般" }, t.CreatedAt))
        .ToList();
}

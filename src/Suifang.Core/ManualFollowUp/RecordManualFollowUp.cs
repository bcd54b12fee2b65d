using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Calls;
using Suifang.Core.Calls.Journal;
using Suifang.Core.Calls.Triggers;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Tasks;
using Suifang.Core.Tasks.Engine;
using Suifang.Core.Todos;

namespace Suifang.Core.ManualFollowUp;

public sealed record ManualSaveResult(Access Access, string? Error, long? RecordId = null, string? Summary = null, int Todos = 0, bool Replayed = false)
{
    public bool Ok => Access == Access.Granted && Error is null;
}

/// Saves the nurse's record of one queue entry in one transaction: the answers as FollowUpResult rows (Source Manual),
/// the to-dos of the triggers they fire (the step's and the form's rules, TriggerEvaluator), the record, and what it means
/// for the task — answered: completed through TaskMaintenance.AnswerAsync; call later: postponed without using an
/// attempt; not reached (5.3.6): the attempt is recorded and the next try scheduled, or the task closed as unreached when
/// its attempts are used (空号: closed at once); wrong number, deceased, refused (5.3.5): closed, with the patient's call
/// mark. One record per entry: saving again returns the first.
public static class RecordManualFollowUp
{
    public static async Task<ManualSaveResult> RunAsync(SuifangDbContext db, StaffScope scope, long entryId, ManualRecordInput input,
        DateTime now, CancellationToken ct)
    {
        if (await ManualClaims.CheckAsync(db, scope, entryId, ct) is { } refused)
            return new ManualSaveResult(refused.Access, refused.Error);
        if (await db.ManualRecords.AsNoTracking().FirstOrDefaultAsync(r => r.EntryId == entryId, ct) is { } first)
            return Replay(first);
        if (ManualRecordValidation.Check(input, now) is { } invalid)
            return Refused(invalid);
        db.Actor = scope.Actor;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = await db.ManualQueue.FirstAsync(e => e.Id == entryId, ct);
        if (entry.IsClaimedByOther(scope.UserId, now))
            return Refused($"{entry.ClaimedByName} 正在拨打这位患者，不能同时记录。");
        var task = await db.Tasks.Include(t => t.Step).ThenInclude(s => s!.Node).Include(t => t.Plan).FirstAsync(t => t.Id == entry.TaskId, ct);
        if (entry.ClosedAt is not null || task is not { State: TaskState.Running, LeaseOwner: null } || task.LastAttemptNumber != entry.AttemptNumber)
            // A second click that lost the race to the first finds the first's record.
            return await db.ManualRecords.AsNoTracking().FirstOrDefaultAsync(r => r.EntryId == entryId, ct) is { } saved ? Replay(saved)
                : Refused("这条任务已不再等待人工随访（可能已由其他渠道完成、已超时或已处理），本次记录没有保存。请刷新队列。");
        if (input.Contact == ManualContact.CallLater && input.CallBackAt > task.DueTo)
            return Refused($"约定的时间超出了随访时间窗（截至 {task.DueTo:MM-dd HH:mm}），请选择更早的时间，或记录为未接通。");

        var (template, questions) = await ManualForms.FormAsync(db, entry, task.Step, input.TemplateId, ct);
        var answers = new List<(Pathways.NodeQuestion Question, NormalizedAnswer Answer)>();
        if (input.Contact is ManualContact.Answered or ManualContact.FamilyAnswered)
        {
            var errors = new List<string>();
            foreach (var q in questions)
            {
                if (!input.Answers.TryGetValue(q.Key, out var raw) || string.IsNullOrWhiteSpace(raw))
                {
                    if (q.Required)
                        errors.Add($"“{q.Text}”还没有回答。");
                    continue;
                }
                var (answer, error) = ManualAnswers.Normalize(q, raw);
                if (error is not null)
                    errors.Add(error);
                else
                    answers.Add((q, answer!));
            }
            if (errors.Count > 0)
                return Refused(string.Join(" ", errors));
        }

        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == entry.PatientId, ct);
        var attempt = await db.TaskAttempts.FirstOrDefaultAsync(a => a.TaskId == task.Id && a.Number == entry.AttemptNumber, ct);
        var record = NewRecord(scope, entry, task, template, input, answers, now);
        var todos = new List<TodoItem>();
        if (answers.Count > 0)
        {
            var period = task.Step?.Label;
            var said = input.Contact == ManualContact.FamilyAnswered ? $"（{Respondent(input)}代答）" : "";
            foreach (var (q, a) in answers)
                db.FollowUpResults.Add(new FollowUpResult
                {
                    HospitalId = entry.HospitalId, DepartmentId = entry.DepartmentId, PatientId = entry.PatientId, PlanId = entry.PlanId,
                    PlanStepId = entry.PlanStepId, QuestionKey = q.Key, Value = a.Value, Said = Clip(a.Display + said, 1000)!,
                    Source = ResultSource.Manual, Period = period, At = now, Confirmed = true,
                });
            var rules = (task.Step?.Content.Triggers ?? []).Concat(template?.Triggers ?? []);
            todos = TriggerEvaluator.Evaluate(rules, answers.Select(a => new AnswerFact(a.Question.Key, a.Answer.Value, a.Answer.Display)))
                .DistinctBy(h => (h.Rule.QuestionKey, h.Rule.Description))
                .Select(h => Todo(entry, h, scope.UserName, now)).ToList();
            db.Todos.AddRange(todos);
        }
        record.TodoCount = todos.Count;
        if (template is not null && template.FirstUsedAt is null)
            await db.ManualFormTemplates.Where(t => t.Id == template.Id && t.FirstUsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.FirstUsedAt, now), ct);

        entry.ClosedAt = now;
        entry.ClaimedBy = null;
        entry.ClaimedByName = null;
        entry.ClaimExpiresAt = null;
        db.ManualRecords.Add(record);
        await ApplyToTaskAsync(db, task, attempt, patient, record, input, now, ct);
        record.Summary = Clip(SummaryOf(task, input), 256)!;
        db.AuditEvent(AuditActions.Create, "ManualRecord", entryId.ToString(),
            $"人工随访记录：患者 {patient.Name}（ID {patient.Id}），{ManualContactText.Of(input.Contact)}，回答 {answers.Count} 项，待办 {todos.Count} 个；{record.Summary}");
        try
        {
            if (input.Contact is ManualContact.Answered or ManualContact.FamilyAnswered)
            {
                if (attempt is not null)
                {
                    attempt.EndedAt = now;
                    attempt.Outcome = Clip($"人工随访：{ManualContactText.Of(input.Contact)}（{scope.UserName}）", 256);
                }
                // Completes the task and cancels the step's other tasks; saves everything added above with it.
                if (!await TaskMaintenance.AnswerAsync(db, task.Id, Clip($"人工随访完成：{ManualContactText.Of(input.Contact)}（{scope.UserName}）", 256)!, now, ct))
                    return Refused("这条任务已不再等待人工随访，本次记录没有保存。请刷新队列。");
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Saved at the same moment by a second click or another nurse (unique entry), or the task moved meanwhile.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await db.ManualRecords.AsNoTracking().FirstOrDefaultAsync(r => r.EntryId == entryId, ct) is { } saved
                ? Replay(saved)
                : Refused("任务刚刚被其他操作改变，本次记录没有保存。请刷新后重试。");
        }
        return new ManualSaveResult(Access.Granted, null, record.Id, record.Summary, todos.Count);
    }

    private static async Task ApplyToTaskAsync(SuifangDbContext db, FollowUpTask task, TaskAttempt? attempt, Patient patient, ManualRecord record,
        ManualRecordInput input, DateTime now, CancellationToken ct)
    {
        var words = ManualContactText.Of(input.Contact);
        switch (input.Contact)
        {
            case ManualContact.CallLater:
                await TaskOutcomes.ApplyAsync(db, task, attempt, TaskOutcome.Postponed(input.CallBackAt!.Value, $"人工随访：{words}"), now, ct);
                break;
            case ManualContact.NotReached:
                var reason = $"人工随访未接通：{CallText.NotReached(input.Unreached!.Value)}";
                await TaskOutcomes.ApplyAsync(db, task, attempt, input.Unreached == UnreachedReason.InvalidNumber
                    ? TaskOutcome.Failed(reason) : TaskOutcome.NotReached(reason), now, ct);
                break;
            case ManualContact.WrongNumber or ManualContact.Deceased or ManualContact.Refused:
                await TaskOutcomes.ApplyAsync(db, task, attempt, TaskOutcome.Failed($"人工随访：{words}"), now, ct);
                var (kind, phone) = input.Contact switch
                {
                    ManualContact.WrongNumber => (CallFlagKind.WrongNumber, patient.PhoneIndex),
                    ManualContact.Deceased => (CallFlagKind.Deceased, (string?)null),
                    _ => (CallFlagKind.Uncooperative, (string?)null),
                };
                db.PatientCallFlags.Add(new PatientCallFlag
                {
                    HospitalId = task.HospitalId, PatientId = task.PatientId, Kind = kind, PhoneIndex = phone, At = now,
                    Reason = Clip($"人工随访（{record.StaffName}）：{words}{(string.IsNullOrWhiteSpace(input.Note) ? "" : "，" + input.Note.Trim())}", 256)!,
                });
                if (input.Contact == ManualContact.Deceased)
                    await CallJournal.StopPlansAsync(db, new PlanStop(task.PatientId, task.Id, $"人工随访中{record.StaffName}记录患者已去世"), now, ct);
                break;
        }
    }

    private static ManualRecord NewRecord(StaffScope scope, ManualQueueEntry entry, FollowUpTask task, ManualFormTemplate? template,
        ManualRecordInput input, List<(Pathways.NodeQuestion Question, NormalizedAnswer Answer)> answers, DateTime now) => new()
    {
        HospitalId = entry.HospitalId, DepartmentId = entry.DepartmentId, PatientId = entry.PatientId, TaskId = task.Id, EntryId = entry.Id,
        PlanStepId = entry.PlanStepId, TemplateId = template?.Id, TemplateName = template?.Name, TemplateVersion = template?.Version,
        End = ManualContactText.End(input.Contact), FamilyAnswered = input.Contact == ManualContact.FamilyAnswered,
        Respondent = input.Contact == ManualContact.FamilyAnswered ? Clip(Respondent(input), 64) : null,
        Unreached = input.Contact == ManualContact.NotReached ? input.Unreached : null,
        CallBackAt = input.Contact == ManualContact.CallLater ? input.CallBackAt : null,
        Note = Clip(input.Note?.Trim(), 2000), Answers = answers.Select(a => new ManualAnswer
        {
            QuestionKey = a.Question.Key, Question = a.Question.Text, Value = a.Answer.Display,
        }).ToList(),
        Summary = "", StaffId = scope.UserId, StaffName = scope.UserName, At = now,
    };

    private static string SummaryOf(FollowUpTask task, ManualRecordInput input)
    {
        var words = input.Contact == ManualContact.NotReached ? CallText.NotReached(input.Unreached!.Value) : ManualContactText.Of(input.Contact);
        return input.Contact is ManualContact.Answered or ManualContact.FamilyAnswered ? $"{words}，随访完成"
            : task.State is TaskState.Pending or TaskState.Due ? $"{words}；{task.NextAttemptAt:MM-dd HH:mm} 再次拨打（已拨 {task.Attempts}/{task.MaxAttempts} 次）"
            : task.State == TaskState.Unreached ? $"{words}；已拨 {task.Attempts}/{task.MaxAttempts} 次，任务关闭为未接通"
            : $"{words}；任务关闭，不再拨打";
    }

    private static TodoItem Todo(ManualQueueEntry entry, TriggerHit hit, string staff, DateTime now) => new()
    {
        HospitalId = entry.HospitalId, DepartmentId = entry.DepartmentId, PatientId = entry.PatientId, PlanStepId = entry.PlanStepId,
        Kind = TodoKind.Abnormal, Urgency = hit.Rule.Severity == Pathways.TriggerSeverity.Critical ? TodoUrgency.Critical : TodoUrgency.Normal,
        Reason = Clip(hit.Rule.Description, 500)!, Evidence = Clip($"人工随访（{staff}）记录：{hit.Answer.Said}", 1000),
        QuestionKey = hit.Rule.QuestionKey, Source = "manual", Status = TodoStatus.Open, CreatedAt = now,
    };

    private static string Respondent(ManualRecordInput input) => string.IsNullOrWhiteSpace(input.Respondent) ? "家属" : input.Respondent.Trim();

    private static ManualSaveResult Replay(ManualRecord r) => new(Access.Granted, null, r.Id, r.Summary, r.TodoCount, Replayed: true);

    private static ManualSaveResult Refused(string error) => new(Access.Granted, error);

    private static string? Clip(string? s, int max) => s is not null && s.Length > max ? s[..max] : s;
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Tasks;

namespace Suifang.Core.Todos;

/// 再次电话 (5.1.6): the nurse calls the patient again by hand — a manual follow-up task for the patient, due at once,
/// which the manual channel puts into the nurses' work queue (/manual) with the fast recording form. One open task per
/// to-do: pressing again while it waits returns the same task. Recorded in the audit log.
public static class TodoCallAgain
{
    private const int Attempts = 3;

    /// The press also acknowledges the to-do. When the alert service or the assignment changed the to-do meanwhile (its
    /// Version moved), nothing was written (task, acknowledgement and audit are one save) and the press is simply done
    /// again on the fresh to-do: the nurse asked to call, not to overwrite anything.
    public static async Task<(TodoChangeResult Result, long? TaskId)> StartAsync(SuifangDbContext db, StaffScope scope, long id, DateTime now,
        CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(db, scope, id, now, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return (new(Access.Granted, TodoCommands.Conflict), null);
            }
        }
    }

    private static async Task<(TodoChangeResult Result, long? TaskId)> TryStartAsync(SuifangDbContext db, StaffScope scope, long id, DateTime now,
        CancellationToken ct)
    {
        var (todo, access) = await TodoCommands.FindAsync(db, scope, id, ct);
        if (todo is null)
            return (new(access), null);
        var prefix = $"todo:{todo.Id}:call-again:";
        var open = await db.Tasks.Open().Where(t => t.PatientId == todo.PatientId && t.IdempotencyKey.StartsWith(prefix))
            .Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
            return (new(Access.Granted), open);
        var campus = await db.Patients.AsNoTracking().IgnoreQueryFilters().Where(p => p.Id == todo.PatientId).Select(p => p.CampusId).FirstAsync(ct);
        var task = new FollowUpTask
        {
            HospitalId = todo.HospitalId, CampusId = campus, PatientId = todo.PatientId, DepartmentId = todo.DepartmentId,
            Channel = ChannelKind.Manual, Queue = TaskQueues.Manual, State = TaskState.Due, MaxAttempts = 1,
            Priority = todo.Urgency switch { TodoUrgency.Critical => TaskPriority.Critical, TodoUrgency.Urgent => TaskPriority.Urgent, _ => TaskPriority.Normal },
            DueFrom = now, DueTo = now.AddDays(1), NextAttemptAt = now,
            IdempotencyKey = prefix + Guid.CreateVersion7().ToString("N"),
            Outcome = $"待办“{TodoText.Kind(todo.Kind)}”再次电话，由{scope.UserName}发起",
            CreatedAt = now, UpdatedAt = now,
        };
        db.Tasks.Add(task);
        if (todo.AcknowledgedAt is null)
        {
            todo.AcknowledgedAt = now;
            todo.AcknowledgedBy = scope.UserName;
        }
        db.Actor = scope.Actor;
        db.AuditEvent(AuditActions.Create, nameof(FollowUpTask), null,
            $"待办 {todo.Id}（患者 ID {todo.PatientId}）：再次电话，已加入人工随访队列");
        await db.SaveChangesAsync(ct);
        return (new(Access.Granted), task.Id);
    }
}

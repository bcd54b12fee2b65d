using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients;

namespace Suifang.Core.Todos;

/// The answer of a change to one to-do: done, or why not (in Chinese, saying what to do).
public sealed record TodoChangeResult(Access Access, string? Error = null)
{
    public bool Ok => Access == Access.Granted && Error is null;
}

/// What a nurse does with a to-do (5.1.6, 7.2.4.1, 7.2.5.1 a): 知道了, close with the action taken and a note, reopen
/// with a reason. Each change is scoped to the user's departments and written to the audit log. A change carries the
/// Version of the to-do the nurse was looking at: when someone else (another nurse, the alert dispatcher) changed it
/// since, or changes it while this one saves, nothing is overwritten and the nurse is asked to refresh.
public static class TodoCommands
{
    public const int NoteMax = 500;
    public const string Conflict = "这条待办刚被别人处理过，请刷新后再看。";

    public static async Task<TodoChangeResult> AcknowledgeAsync(SuifangDbContext db, StaffScope scope, long id, DateTime now,
        CancellationToken ct = default, int? expectedVersion = null)
    {
        var (todo, access) = await FindAsync(db, scope, id, ct);
        if (todo is null)
            return new(access);
        if (expectedVersion is { } seen && seen != todo.Version)
            return new(Access.Granted, Conflict);
        if (todo.AcknowledgedAt is null)
        {
            todo.AcknowledgedAt = now;
            todo.AcknowledgedBy = scope.UserName;
        }
        return await SaveAsync(db, scope, todo, "知道了", ct);
    }

    public static async Task<TodoChangeResult> CloseAsync(SuifangDbContext db, StaffScope scope, long id, TodoAction? action, string? note,
        DateTime now, CancellationToken ct = default, int? expectedVersion = null)
    {
        var (todo, access) = await FindAsync(db, scope, id, ct);
        if (todo is null)
            return new(access);
        if (todo.Status == TodoStatus.Closed)
            return new(Access.Granted, $"这条待办已由{todo.ClosedBy}在 {todo.ClosedAt:MM-dd HH:mm} 处理完毕，请刷新页面查看。");
        if (expectedVersion is { } seen && seen != todo.Version)
            return new(Access.Granted, Conflict);
        note = note?.Trim();
        if (todo.Urgency == TodoUrgency.Critical && (action is null || string.IsNullOrEmpty(note)))
            return new(Access.Granted, "危急待办必须先记录处理方式并填写处理说明（如已电话通知患者急诊就诊），才能关闭。");
        if (note?.Length > NoteMax)
            return new(Access.Granted, $"处理说明最多 {NoteMax} 个字，请缩短后再保存。");
        todo.Status = TodoStatus.Closed;
        todo.ClosedAt = now;
        todo.ClosedBy = scope.UserName;
        todo.ClosedAction = action;
        todo.ClosedNote = string.IsNullOrEmpty(note) ? null : note;
        if (todo.AcknowledgedAt is null)
        {
            todo.AcknowledgedAt = now;
            todo.AcknowledgedBy = scope.UserName;
        }
        return await SaveAsync(db, scope, todo, $"处理并关闭（{TodoText.Action(action)}）{(todo.ClosedNote is null ? "" : "：" + todo.ClosedNote)}", ct);
    }

    public static async Task<TodoChangeResult> ReopenAsync(SuifangDbContext db, StaffScope scope, long id, string? reason,
        CancellationToken ct = default, int? expectedVersion = null)
    {
        var (todo, access) = await FindAsync(db, scope, id, ct);
        if (todo is null)
            return new(access);
        if (expectedVersion is { } seen && seen != todo.Version)
            return new(Access.Granted, Conflict);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return new(Access.Granted, "重新打开待办需要填写原因（如患者再次来电反映症状未好转）。");
        if (reason.Length > NoteMax)
            return new(Access.Granted, $"原因最多 {NoteMax} 个字，请缩短后再保存。");
        if (todo.Status == TodoStatus.Open)
            return new(Access.Granted, "这条待办还没有处理，不需要重新打开。");
        var before = $"{TodoText.Action(todo.ClosedAction)}：{todo.ClosedNote}（{todo.ClosedBy} {todo.ClosedAt:MM-dd HH:mm}）";
        todo.Status = TodoStatus.Open;
        todo.ClosedAt = null;
        todo.ClosedBy = null;
        todo.ClosedAction = null;
        todo.ClosedNote = null;
        return await SaveAsync(db, scope, todo, $"重新打开，原因：{reason}；原处理：{before}", ct);
    }

    /// Opening the detail page: audited, and counts as the first acknowledgement (time to acknowledge, 7.2.5).
    public static void Viewed(SuifangDbContext db, StaffScope scope, TodoItem todo, DateTime now)
    {
        if (todo.AcknowledgedAt is null)
        {
            todo.AcknowledgedAt = now;
            todo.AcknowledgedBy = scope.UserName;
        }
        db.Actor = scope.Actor;
        db.AuditEvent(AuditActions.View, nameof(TodoItem), todo.Id.ToString(CultureInfo.InvariantCulture),
            $"查看待办 {todo.Id}（患者 ID {todo.PatientId}，{TodoText.Kind(todo.Kind)}）");
    }

    internal static async Task<(TodoItem?, Access)> FindAsync(SuifangDbContext db, StaffScope scope, long id, CancellationToken ct)
    {
        var todo = await db.Todos.FirstOrDefaultAsync(t => t.Id == id && t.HospitalId == scope.HospitalId, ct);
        if (todo is null)
            return (null, Access.NotFound);
        return scope.CanSeeDepartment(todo.DepartmentId) ? (todo, Access.Granted) : (null, Access.Forbidden);
    }

    private static async Task<TodoChangeResult> SaveAsync(SuifangDbContext db, StaffScope scope, TodoItem todo, string what, CancellationToken ct)
    {
        db.Actor = scope.Actor;
        db.AuditEvent(AuditActions.Update, nameof(TodoItem), todo.Id.ToString(CultureInfo.InvariantCulture),
            $"待办 {todo.Id}（患者 ID {todo.PatientId}）：{what}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Access.Granted, Conflict);
        }
        return new(Access.Granted);
    }
}

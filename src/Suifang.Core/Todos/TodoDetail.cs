using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Patients;

namespace Suifang.Core.Todos;

/// One turn of the transcript around the to-do's moment; Highlight marks the turn that fired it.
public sealed record EvidenceTurn(int Index, Speaker Speaker, string Text, int StartMs, int EndMs, bool Highlight);

/// The to-do's page (5.1.6, 7.2.4.1): the to-do, the patient (phone masked), the evidence: the words that fired it in
/// the transcript span around the turn, whether the call's recording exists (the clip is served apart), and the call.
public sealed record TodoDetail(
    TodoItem Todo,
    string PatientName,
    string PhoneMasked,
    string DepartmentName,
    long? CallId,
    DateTime? CallStartedAt,
    bool CallHasRecording,
    IReadOnlyList<EvidenceTurn> Transcript,
    IReadOnlyList<TodoListRow> EarlierTodos)
{
    /// Turns shown either side of the turn that fired the to-do.
    public const int SpanTurns = 2;

    /// Opens the to-do: scoped, audited, and the first opening counts as its acknowledgement (7.2.5).
    public static async Task<ScopedResult<TodoDetail>> OpenAsync(SuifangDbContext db, StaffScope scope, long id, DateTime now, CancellationToken ct = default)
    {
        var (todo, access) = await TodoCommands.FindAsync(db, scope, id, ct);
        if (todo is null)
            return new(access, null);
        TodoCommands.Viewed(db, scope, todo, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed meanwhile (the dispatcher assigned it, a nurse closed it): show it as it is now; the view is audited
            // with the next save (the audit entry waits in the context), the acknowledgement is made again on it.
            db.ChangeTracker.Clear();
            (todo, access) = await TodoCommands.FindAsync(db, scope, id, ct);
            if (todo is null)
                return new(access, null);
            if (todo.AcknowledgedAt is null)
                (todo.AcknowledgedAt, todo.AcknowledgedBy) = (now, scope.UserName);
            await db.SaveChangesAsync(ct);
        }

        var patient = await db.Patients.AsNoTracking().IgnoreQueryFilters().Where(p => p.Id == todo.PatientId)
            .Select(p => new { p.Name, p.PhoneMasked }).FirstAsync(ct);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == todo.DepartmentId).Select(d => d.Name).FirstAsync(ct);
        var call = todo.CallId is { } callId
            ? await db.Calls.AsNoTracking().Where(c => c.Id == callId && c.HospitalId == scope.HospitalId)
                .Select(c => new { c.Id, c.StartedAt, c.RecordingPath }).FirstOrDefaultAsync(ct)
            : null;
        IReadOnlyList<EvidenceTurn> transcript = [];
        if (call is not null)
        {
            var around = todo.TurnIndex ?? 0;
            var turns = db.CallTurns.AsNoTracking().Where(t => t.CallId == call.Id);
            if (todo.TurnIndex is not null)
                turns = turns.Where(t => t.Index >= around - SpanTurns && t.Index <= around + SpanTurns);
            transcript = (await turns.OrderBy(t => t.Index).Take(40).ToListAsync(ct))
                .Select(t => new EvidenceTurn(t.Index, t.Speaker, t.Text, t.StartMs, t.EndMs, t.Index == todo.TurnIndex)).ToList();
        }
        var earlier = (await TodoList.ForPatientAsync(db, scope, todo.PatientId, ct)).Where(r => r.Id != todo.Id).ToList();
        return ScopedResult<TodoDetail>.Granted(new TodoDetail(todo, patient.Name, patient.PhoneMasked, department, call?.Id, call?.StartedAt,
            call?.RecordingPath is { } path && File.Exists(path), transcript, earlier));
    }

    /// Splits a turn's text around the evidence words so the page can mark them; one part when they are not in it.
    public static IReadOnlyList<(string Text, bool Marked)> Highlight(string text, string? evidence)
    {
        var words = evidence?.Trim();
        if (string.IsNullOrEmpty(words))
            return [(text, false)];
        var at = text.IndexOf(words, StringComparison.Ordinal);
        if (at < 0)
            return [(text, false)];
        var parts = new List<(string, bool)>();
        if (at > 0)
            parts.Add((text[..at], false));
        parts.Add((words, true));
        if (at + words.Length < text.Length)
            parts.Add((text[(at + words.Length)..], false));
        return parts;
    }
}

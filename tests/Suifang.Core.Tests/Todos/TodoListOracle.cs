using Suifang.Core.Accounts;
using Suifang.Core.Patients;
using Suifang.Core.Todos;

namespace Suifang.Core.Tests.Todos;

/// What the to-do list must answer (5.1.6, 7.2.4.1), computed in memory from the rows the test wrote: the rules the SQL
/// of TodoList implements, spelt out once so that every filter combination can be checked on both databases.
internal sealed class TodoListOracle(int hospitalId, IReadOnlyList<TodoListOracle.PatientFacts> patients, IReadOnlyList<TodoItem> todos)
{
    public sealed record EncounterFacts(VisitType Type, string? Doctor, string Code, string Name, bool Deleted);

    public sealed record PatientFacts(long Id, string Name, string Phone, string? FamilyPhone, IReadOnlyList<EncounterFacts> Encounters);

    public sealed record Expected(bool Forbidden, long[] Ids, int Page, int PageSize, int Total, int OpenCount, int ClosedCount, bool ClosedCountIsCapped);

    public Expected Run(StaffScope scope, TodoListQuery query)
    {
        if (query.DepartmentId is { } asked && !scope.CanSeeDepartment(asked))
            return new Expected(true, [], 0, 0, 0, 0, 0, false);
        var byId = patients.ToDictionary(p => p.Id);
        var matching = todos.Where(t => t.HospitalId == hospitalId && (scope.AllDepartments || scope.DepartmentIds.Contains(t.DepartmentId)))
            .Where(t => query.DepartmentId is not { } d || t.DepartmentId == d)
            .Where(t => query.Kind is not { } k || t.Kind == k)
            .Where(t => query.Urgency is not { } u || t.Urgency == u)
            .Where(t => string.IsNullOrWhiteSpace(query.Source) || t.Source == query.Source.Trim())
            .Where(t => !query.AssignedToMe || t.AssignedToUserId == scope.UserId)
            .Where(t => PatientMatches(byId[t.PatientId], query))
            .ToList();
        var open = matching.Where(t => t.Status == TodoStatus.Open)
            .OrderByDescending(t => t.Urgency).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).ToList();
        var closed = matching.Where(t => t.Status == TodoStatus.Closed)
            .OrderByDescending(t => t.ClosedAt).ThenByDescending(t => t.Id).ToList();
        var closedCount = Math.Min(closed.Count, TodoList.CountCap);
        var pageSize = Math.Clamp(query.PageSize, 1, TodoListQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var group = query.Group == TodoStatus.Open ? open : closed;
        var total = query.Group == TodoStatus.Open ? open.Count : closedCount;
        var ids = group.Skip((page - 1) * pageSize).Take(pageSize).Select(t => t.Id).ToArray();
        return new Expected(false, ids, page, pageSize, total, open.Count, closedCount, closed.Count > TodoList.CountCap);
    }

    private static bool PatientMatches(PatientFacts p, TodoListQuery query)
    {
        if (query.Name?.Trim() is { Length: > 0 } name && !p.Name.StartsWith(name, StringComparison.Ordinal))
            return false;
        if (TodoListQuery.Digits(query.Phone) is { } digits)
        {
            var phoneMatches = digits.Length == 4
                ? p.Phone.EndsWith(digits, StringComparison.Ordinal)
                : p.Phone == digits || p.FamilyPhone == digits;
            if (!phoneMatches)
                return false;
        }
        if (query.VisitType is null && string.IsNullOrWhiteSpace(query.Diagnosis) && string.IsNullOrWhiteSpace(query.Doctor))
            return true;
        return p.Encounters.Any(e => !e.Deleted
            && (query.VisitType is not { } v || e.Type == v)
            && (query.Doctor?.Trim() is not { Length: > 0 } doctor || (e.Doctor?.StartsWith(doctor, StringComparison.Ordinal) ?? false))
            && DiagnosisMatches(e, query));
    }

    private static bool DiagnosisMatches(EncounterFacts e, TodoListQuery query)
    {
        if (string.IsNullOrWhiteSpace(query.Diagnosis))
            return true;
        var asked = query.Diagnosis.Trim();
        return query.DiagnosisIsCode
            ? e.Code.StartsWith(asked.ToUpperInvariant(), StringComparison.Ordinal)
            : e.Name.Contains(asked, StringComparison.Ordinal);
    }
}

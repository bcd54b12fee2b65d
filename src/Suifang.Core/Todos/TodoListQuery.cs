using Suifang.Core.Patients;

namespace Suifang.Core.Todos;

/// One page of the to-do list (5.1.6): the 未处理 (Open) or 已处理 (Closed) group and its filters.
public sealed record TodoListQuery
{
    public const int MaxPageSize = 100;

    public TodoStatus Group { get; init; } = TodoStatus.Open;

    /// Patient name prefix: "张" finds 张三 and 张伟.
    public string? Name { get; init; }

    /// A full phone number (patient or family contact), or the last 4 digits of the patient's phone; matched through
    /// the keyed phone index, the numbers are never decrypted.
    public string? Phone { get; init; }

    /// Patients with an encounter of this kind (门诊 / 住院 / 出院).
    public VisitType? VisitType { get; init; }

    /// ICD-10 code prefix ("I21") or words of the primary diagnosis name, of any of the patient's encounters.
    public string? Diagnosis { get; init; }

    /// Attending doctor name prefix, of any of the patient's encounters.
    public string? Doctor { get; init; }
    public int? DepartmentId { get; init; }
    public TodoKind? Kind { get; init; }
    public TodoUrgency? Urgency { get; init; }

    /// "ai-call", "sms", "questionnaire", "manual", "task", "his" …
    public string? Source { get; init; }
    public bool AssignedToMe { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    /// What is wrong with the query, in words that say how to fix it; empty when it can run.
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        var digits = Digits(Phone);
        if (!string.IsNullOrWhiteSpace(Phone) && digits is not { Length: 4 } && !Security.ContactNumbers.IsValidPhone(digits ?? ""))
            errors["phone"] = "电话号码格式不对：请输入完整的手机号（11 位，如 13812345678）或座机号，或只输入号码的后 4 位。";
        if (Name?.Trim().Length > 64)
            errors["name"] = "姓名最多 64 个字，请缩短后再查。";
        if (Diagnosis?.Trim().Length > 64)
            errors["diagnosis"] = "诊断最多 64 个字，请输入 ICD-10 编码（如 I21）或诊断名称中的几个字。";
        if (Doctor?.Trim().Length > 64)
            errors["doctor"] = "医生姓名最多 64 个字，请缩短后再查。";
        if (PageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = $"每页条数应在 1 到 {MaxPageSize} 之间。";
        return errors;
    }

    internal static string? Digits(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : Security.ContactNumbers.NormalizePhone(phone);

    internal bool DiagnosisIsCode => Diagnosis is { } d && System.Text.RegularExpressions.Regex.IsMatch(d.Trim(), @"^[A-Za-z]\d[0-9A-Za-z.]*$");
}

/// One row of the list, phone already masked.
public sealed record TodoListRow(
    long Id,
    long PatientId,
    string PatientName,
    string PhoneMasked,
    int DepartmentId,
    string DepartmentName,
    TodoKind Kind,
    TodoUrgency Urgency,
    string Reason,
    string Source,
    DateTime CreatedAt,
    DateTime? ClosedAt,
    TodoAction? ClosedAction,
    string? AssignedToUserId,
    DateTime? AcknowledgedAt);

/// A page of one group, with the count of both groups under the same filters. The closed count stops at
/// TodoList.CountCap; with a filter too common to resolve first both are counted within TodoList.ScanWindow. A capped
/// count is a lower bound: OpenCountShown / ClosedCountShown read "1000+".
public sealed record TodoListPage(IReadOnlyList<TodoListRow> Items, int Page, int PageSize, int Total, int OpenCount, int ClosedCount, bool ClosedCountIsCapped)
{
    public bool OpenCountIsCapped { get; init; }
    public int PageCount => (Total + PageSize - 1) / PageSize;
    public string OpenCountShown => Shown(OpenCount, OpenCountIsCapped);
    public string ClosedCountShown => Shown(ClosedCount, ClosedCountIsCapped);

    private static string Shown(int count, bool capped) => capped ? $"{count}+" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

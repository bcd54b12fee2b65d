using System.Text.RegularExpressions;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.ListPatients;

/// One page of the inpatient (在院), outpatient (门诊) or discharged (出院) list, with its filters.
/// Each row is an encounter: a patient discharged twice appears twice on the discharged list.
public sealed partial record PatientListQuery(VisitType List)
{
    public const int MaxPageSize = 100;

    /// Name prefix: "张" finds 张三 and 张伟.
    public string? Name { get; init; }

    /// A full phone number (patient or family contact), or the last 4 digits of the patient's phone.
    public string? Phone { get; init; }
    public int? DepartmentId { get; init; }

    /// An ICD-10 code prefix ("I21", "E11.9") or words of the primary diagnosis name ("心肌梗死").
    public string? Diagnosis { get; init; }

    /// Attending doctor name prefix.
    public string? Doctor { get; init; }

    /// Visit/admission day for inpatients and outpatients, discharge day for the discharged list; inclusive.
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    public bool IsLastFourDigits => Digits(Phone) is { Length: 4 };

    public bool DiagnosisIsCode => Diagnosis is not null && IcdCode().IsMatch(Diagnosis.Trim());

    /// What is wrong with the query, in words that say how to fix it; empty when it can run.
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (Page < 1)
            errors["page"] = "页码从 1 开始，请把 page 设为 1 或更大的整数。";
        if (PageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = $"每页条数须在 1 到 {MaxPageSize} 之间，请调整 pageSize。";
        if (From is { } f && To is { } t && f > t)
            errors["from"] = "开始日期晚于结束日期，请把开始日期改到结束日期之前，或交换两个日期。";
        if (!string.IsNullOrWhiteSpace(Phone) && !IsLastFourDigits && !ContactNumbers.IsValidPhone(Digits(Phone)!))
            errors["phone"] = "电话号码格式不对：请输入完整的手机号（11 位，如 13812345678）或座机号，或只输入号码的后 4 位。";
        if (Name?.Trim().Length > 64)
            errors["name"] = "姓名最多 64 个字，请缩短后再查。";
        if (Diagnosis?.Trim().Length > 64)
            errors["diagnosis"] = "诊断最多 64 个字，请输入 ICD-10 编码（如 I21）或诊断名称中的几个字。";
        if (Doctor?.Trim().Length > 64)
            errors["doctor"] = "医生姓名最多 64 个字，请缩短后再查。";
        return errors;
    }

    internal static string? Digits(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : ContactNumbers.NormalizePhone(phone);

    [GeneratedRegex(@"^[A-Za-z]\d[0-9A-Za-z.]*$")]
    private static partial Regex IcdCode();
}

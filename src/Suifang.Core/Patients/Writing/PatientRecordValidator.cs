using System.Text.RegularExpressions;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.Writing;

/// Checks a record the same way for hand entry, Excel import and HIS pull, and says in Chinese
/// what is wrong with each field and how to put it right.
public sealed partial class PatientRecordValidator(HospitalDirectory directory, Func<DateTime> now)
{
    public (ValidatedPatient? Patient, IReadOnlyList<FieldError> Errors) Validate(PatientRecord r)
    {
        var errors = new List<FieldError>();
        var today = DateOnly.FromDateTime(now());

        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            errors.Add(new("姓名", "姓名不能为空，请填写患者姓名。"));
        else if (name.Length > 32 || !PersonName().IsMatch(name))
            errors.Add(new("姓名", $"姓名“{name}”不像人名：只能包含汉字、字母、空格和间隔号（·），最长 32 个字。"));

        var phone = CheckPhone(r.Phone, "手机号", required: true, errors);
        var familyPhone = CheckPhone(r.FamilyPhone, "家属电话", required: false, errors);

        var gender = ParseGender(r.Gender);
        if (gender is null)
            errors.Add(new("性别", $"性别“{r.Gender}”无法识别，请填写“男”或“女”（不清楚可留空）。"));

        string? idNumber = null;
        if (!string.IsNullOrWhiteSpace(r.IdNumber))
        {
            idNumber = ContactNumbers.NormalizeIdNumber(r.IdNumber);
            if (!ContactNumbers.IsValidIdNumber(idNumber))
                errors.Add(new("身份证号", "身份证号不正确：应为 18 位，最后一位是数字或 X，且校验位要对得上。请核对后重新填写，不确定可留空。"));
        }

        var (birthDate, estimated) = (r.BirthDate, false);
        if (birthDate is null && idNumber is not null && ContactNumbers.IsValidIdNumber(idNumber))
            birthDate = ContactNumbers.BirthDateOf(idNumber);
        if (birthDate is null && r.Age is { } age)
        {
            if (age is < 0 or > 130)
                errors.Add(new("年龄", $"年龄 {age} 不在 0–130 岁之间，请核对。"));
            else
                (birthDate, estimated) = (new DateOnly(today.Year - age, 1, 1), true);
        }
        if (birthDate > today)
            errors.Add(new("出生日期", $"出生日期 {birthDate:yyyy-MM-dd} 在今天之后，请核对。"));

        var campus = directory.FindCampus(r.Campus);
        if (campus is null)
            errors.Add(new("院区", $"院区“{r.Campus}”不存在，请填写本院已有的院区名称，或留空使用{directory.DefaultCampus.Name}。"));

        var encounter = r.Encounter is null ? null : ValidateEncounter(r.Encounter, now(), errors);

        if (errors.Count > 0)
            return (null, errors);
        return (new ValidatedPatient(
            Blank(r.HisPatientId), name!, gender!.Value, birthDate, estimated, phone!,
            Blank(r.FamilyContactName), Blank(r.FamilyRelation), familyPhone, idNumber, campus!, encounter), errors);
    }

    /// Checks an encounter on its own, e.g. one added to a patient who is already stored.
    public (ValidatedEncounter? Encounter, IReadOnlyList<FieldError> Errors) Validate(EncounterRecord e)
    {
        var errors = new List<FieldError>();
        var encounter = ValidateEncounter(e, now(), errors);
        return (errors.Count == 0 ? encounter : null, errors);
    }

    private ValidatedEncounter? ValidateEncounter(EncounterRecord e, DateTime now, List<FieldError> errors)
    {
        var before = errors.Count;
        var type = ParseVisitType(e.VisitType);
        if (type is null)
            errors.Add(new("就诊类型", string.IsNullOrWhiteSpace(e.VisitType)
                ? "就诊类型不能为空，请填写“门诊”“住院”或“出院”。"
                : $"就诊类型“{e.VisitType}”无法识别，请填写“门诊”“住院”或“出院”。"));

        var department = directory.FindDepartment(e.Department);
        if (department is null)
            errors.Add(new("科室", string.IsNullOrWhiteSpace(e.Department)
                ? "科室不能为空，请填写就诊科室。"
                : $"未知科室“{e.Department}”：请改成本院已有的科室名称，或请管理员先在「科室管理」中添加（可设置别名）。"));

        var timeLabel = type == VisitType.Outpatient ? "就诊时间" : "入院时间";
        if (e.VisitAt is null)
            errors.Add(new(timeLabel, $"{timeLabel}不能为空，请填写，例如 2026-11-03 09:30。"));
        else if (e.VisitAt > now)
            errors.Add(new(timeLabel, $"{timeLabel} {e.VisitAt:yyyy-MM-dd HH:mm} 在当前时间之后，请核对日期。"));

        if (type == VisitType.Discharged && e.DischargeAt is null)
            errors.Add(new("出院时间", "就诊类型为“出院”时，出院时间不能为空。"));
        if (e.DischargeAt is { } out_)
        {
            if (out_ > now)
                errors.Add(new("出院时间", $"出院时间 {out_:yyyy-MM-dd HH:mm} 在当前时间之后，请核对日期。"));
            if (e.VisitAt is { } inAt && out_ < inAt)
                errors.Add(new("出院时间", "出院时间早于入院时间，请核对两个日期。"));
            if (type == VisitType.Outpatient)
                errors.Add(new("出院时间", "门诊就诊不应填写出院时间；如是住院后出院，请把就诊类型改为“出院”。"));
        }

        var code = e.PrimaryDiagnosisCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
            errors.Add(new("主要诊断编码", "主要诊断编码不能为空，请填写 ICD-10 编码，例如 I21.9。"));
        else if (!Icd10().IsMatch(code))
            errors.Add(new("主要诊断编码", $"“{code}”不是有效的 ICD-10 编码：应为 1 个字母加 2 位数字，可带小数点后缀，例如 I21.9、E11.9。"));
        if (string.IsNullOrWhiteSpace(e.PrimaryDiagnosisName))
            errors.Add(new("主要诊断名称", "主要诊断名称不能为空，例如“急性心肌梗死”。"));
        foreach (var d in e.SecondaryDiagnoses.Where(d => !Icd10().IsMatch(d.Code.Trim().ToUpperInvariant())))
            errors.Add(new("次要诊断", $"次要诊断编码“{d.Code}”不是有效的 ICD-10 编码，例如 E11.9。"));

        if (errors.Count > before)
            return null;
        // A stay with a discharge time is a discharge, whatever the source called it.
        var visitType = type == VisitType.Inpatient && e.DischargeAt is not null ? VisitType.Discharged : type!.Value;
        return new ValidatedEncounter(Blank(e.VisitNumber), visitType, department!, Blank(e.AttendingDoctor), e.VisitAt!.Value,
            e.DischargeAt, code!, e.PrimaryDiagnosisName!.Trim(),
            e.SecondaryDiagnoses.Select(d => new Diagnosis { Code = d.Code.Trim().ToUpperInvariant(), Name = d.Name.Trim() }).ToList());
    }

    private static string? CheckPhone(string? raw, string field, bool required, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (required)
                errors.Add(new(field, $"{field}不能为空：随访需要能联系到患者，请填写 11 位手机号或带区号的座机号。"));
            return null;
        }
        var normalized = ContactNumbers.NormalizePhone(raw);
        if (!ContactNumbers.IsValidPhone(normalized))
        {
            errors.Add(new(field, $"{field}“{raw.Trim()}”不正确：应为 11 位手机号（1 开头）或带区号的座机号，例如 13812345678 或 0571-88886666。"));
            return null;
        }
        return normalized;
    }

    internal static Gender? ParseGender(string? s) => s?.Trim() switch
    {
        null or "" or "未知" or "不详" => Gender.Unknown,
        "男" or "M" or "m" or "male" or "Male" or "1" => Gender.Male,
        "女" or "F" or "f" or "female" or "Female" or "2" => Gender.Female,
        _ => null,
    };

    internal static VisitType? ParseVisitType(string? s) => s?.Trim() switch
    {
        "门诊" or "outpatient" or "Outpatient" => VisitType.Outpatient,
        "住院" or "在院" or "inpatient" or "Inpatient" => VisitType.Inpatient,
        "出院" or "discharged" or "Discharged" => VisitType.Discharged,
        _ => null,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z·•\. ]+$")]
    private static partial Regex PersonName();

    [GeneratedRegex(@"^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?(\+\d{3,4})?$")]
    private static partial Regex Icd10();
}

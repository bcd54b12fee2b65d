namespace Suifang.Core.Patients.Import;

/// One column of the import sheet: its header as the template writes it, other spellings that
/// hospitals' own sheets use, and the plain explanation the template's second sheet gives.
public sealed record ImportColumn(string Header, bool Required, string Explanation, string Example1, string Example2, params string[] Aliases);

/// The columns of the patient import sheet, in template order.
public static class ImportColumns
{
    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string BirthDate = "出生日期";
    public const string Age = "年龄";
    public const string Phone = "手机号";
    public const string FamilyName = "家属姓名";
    public const string FamilyRelation = "家属关系";
    public const string FamilyPhone = "家属电话";
    public const string IdNumber = "身份证号";
    public const string HisPatientId = "患者编号(HIS)";
    public const string Campus = "院区";
    public const string VisitType = "就诊类型";
    public const string VisitNumber = "就诊号/住院号";
    public const string Department = "科室";
    public const string Doctor = "主治医生";
    public const string VisitAt = "就诊/入院时间";
    public const string DischargeAt = "出院时间";
    public const string DiagnosisCode = "主要诊断编码";
    public const string DiagnosisName = "主要诊断名称";
    public const string SecondaryDiagnoses = "次要诊断";

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new(Name, true, "必填。患者的真实姓名，只能包含汉字、字母和间隔号（·）。", "张建国", "王秀英"),
        new(Gender, false, "选填。填“男”或“女”，不清楚可留空。", "男", "女"),
        new(BirthDate, false, "选填。例如 1958-03-12。填了身份证号可不填，系统会从身份证号读出生日。", "1958-03-12", ""),
        new(Age, false, "选填。不知道出生日期时填年龄（整数），系统按当年 1 月 1 日估算生日。", "", "72"),
        new(Phone, true, "必填。随访电话要打到这个号码：11 位手机号，或带区号的座机号（例如 0571-88886666）。", "13812345678", "13900001111", "手机号码", "联系电话", "电话"),
        new(FamilyName, false, "选填。患者本人不便接听时联系的家属姓名。", "张丽", ""),
        new(FamilyRelation, false, "选填。家属与患者的关系，例如 女儿、配偶。", "女儿", ""),
        new(FamilyPhone, false, "选填。家属的手机号或座机号。", "13700002222", "", "家属手机号", "家属联系电话"),
        new(IdNumber, false, "选填。18 位居民身份证号，最后一位可能是 X。用于识别同一位患者，加密保存。", "", "", "身份证号码", "身份证"),
        new(HisPatientId, false, "选填。医院信息系统（HIS）里的患者编号；填写后能更准确地识别同一位患者。", "P000123", "", "患者编号", "HIS患者编号", "病案号"),
        new(Campus, false, "选填。院区名称，留空表示本院区。", "", ""),
        new(VisitType, true, "必填。填“门诊”“住院”（仍在院）或“出院”。", "出院", "门诊"),
        new(VisitNumber, false, "建议填写。门诊号或住院号；同一个号码只能属于一位患者，重复导入时用它识别同一次就诊。", "ZY2026110301", "MZ2026112001", "就诊号", "住院号", "门诊号"),
        new(Department, true, "必填。就诊科室名称，需与系统里的科室名称或别名一致，例如“心血管内科”或“心内科”。", "心血管内科", "内分泌科"),
        new(Doctor, false, "选填。主治医生姓名。", "李明", "陈静"),
        new(VisitAt, true, "必填。门诊填就诊时间，住院/出院填入院时间。可写 2026-11-03 或 2026/11/3 09:30，也可用 Excel 日期格式。", "2026-11-03 09:30", "2026-11-20 08:30", "就诊时间", "入院时间", "就诊日期"),
        new(DischargeAt, false, "就诊类型为“出院”时必填，门诊不要填。格式同上，不能早于入院时间，也不能是将来的时间。", "2026-11-10 10:00", "", "出院日期"),
        new(DiagnosisCode, true, "必填。主要诊断的 ICD-10 编码，例如 I21.9。", "I21.9", "E11.9", "诊断编码", "ICD编码"),
        new(DiagnosisName, true, "必填。主要诊断的名称，例如“急性心肌梗死”。", "急性心肌梗死", "2型糖尿病", "诊断名称", "主要诊断"),
        new(SecondaryDiagnoses, false, "选填。其他诊断，每个写成“编码 名称”，多个之间用分号隔开，例如“E11.9 2型糖尿病; I10 高血压”。", "E11.9 2型糖尿病; I10 高血压", "", "其他诊断"),
    ];

    public static IEnumerable<ImportColumn> RequiredColumns => All.Where(c => c.Required);

    /// Finds the column a header names, ignoring spaces and full-width brackets.
    public static ImportColumn? Match(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            return null;
        var h = Normalize(header);
        return All.FirstOrDefault(c => Normalize(c.Header) == h || c.Aliases.Any(a => Normalize(a) == h));
    }

    /// The validator names a field by what it means; the report names the column the nurse sees.
    public static string ColumnOf(string field) => field switch
    {
        "就诊时间" or "入院时间" => VisitAt,
        _ => All.FirstOrDefault(c => c.Header == field)?.Header ?? field,
    };

    private static string Normalize(string s) => s.Trim()
        .Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal)
        .Replace('（', '(').Replace('）', ')').Replace('／', '/').ToUpperInvariant();
}

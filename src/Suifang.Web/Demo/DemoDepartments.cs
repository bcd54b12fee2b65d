using Suifang.Core.Patients;

namespace Suifang.Web.Demo;

/// An ICD-10 diagnosis with how often the demo department sees it.
internal sealed record DemoDiagnosis(string Code, string Name, int Weight = 10);

/// One department of the demo hospital and the patients it sees: ages, sex, how many are admitted
/// rather than seen in clinic, how long they stay, and their diagnoses.
internal sealed record DemoDepartment(
    string Code, string Name, string? Aliases, bool EastCampus,
    int MinAge, int MaxAge, Gender? Sex, double InpatientShare, int MinStayDays, int MaxStayDays,
    IReadOnlyList<DemoDiagnosis> Diagnoses);

internal static class DemoDepartments
{
    public static readonly IReadOnlyList<DemoDepartment> All =
    [
        new("XNK", "心血管内科", "心内科;心内", false, 38, 92, null, 0.55, 3, 12, DemoDiagnoses.Cardiology),
        new("SJNK", "神经内科", "神内", false, 35, 93, null, 0.5, 5, 16, DemoDiagnoses.Neurology),
        new("HXNK", "呼吸与危重症医学科", "呼吸内科;呼吸科", false, 30, 92, null, 0.55, 5, 14, DemoDiagnoses.Respiratory),
        new("NFMK", "内分泌科", "内分泌代谢科", false, 18, 88, null, 0.3, 5, 12, DemoDiagnoses.Endocrinology),
        new("XHNK", "消化内科", "消化科", false, 20, 88, null, 0.45, 4, 12, DemoDiagnoses.Gastroenterology),
        new("SNK", "肾内科", "肾脏内科", false, 25, 88, null, 0.45, 6, 15, DemoDiagnoses.Nephrology),
        new("PTWK", "普通外科", "普外科;普外", false, 18, 85, null, 0.7, 3, 12, DemoDiagnoses.GeneralSurgery),
        new("GK", "骨科", "骨外科", false, 20, 90, null, 0.65, 5, 14, DemoDiagnoses.Orthopaedics),
        new("SJWK", "神经外科", "神外", false, 25, 85, null, 0.75, 8, 21, DemoDiagnoses.Neurosurgery),
        new("XXWK", "心胸外科", "胸外科", false, 35, 82, null, 0.75, 7, 18, DemoDiagnoses.ThoracicSurgery),
        new("MNWK", "泌尿外科", "泌尿科", false, 25, 88, Gender.Male, 0.6, 3, 10, DemoDiagnoses.Urology),
        new("CK", "产科", null, true, 21, 43, Gender.Female, 1.0, 3, 7, DemoDiagnoses.Obstetrics),
        new("FK", "妇科", null, true, 22, 75, Gender.Female, 0.55, 3, 9, DemoDiagnoses.Gynaecology),
        new("EK", "儿科", "小儿内科", true, 0, 14, null, 0.4, 3, 9, DemoDiagnoses.Paediatrics),
        new("ZLK", "肿瘤科", "肿瘤内科", false, 35, 85, null, 0.7, 4, 12, DemoDiagnoses.Oncology),
        new("JZK", "甲状腺乳腺外科", "甲乳外科", false, 20, 75, Gender.Female, 0.6, 3, 8, DemoDiagnoses.ThyroidBreast),
        new("JSK", "精神心理科", "精神科;心理科", true, 16, 80, null, 0.25, 14, 35, DemoDiagnoses.Psychiatry),
        new("LGBF", "老干部病房", "干部病房", true, 70, 98, null, 0.8, 7, 25, DemoDiagnoses.Geriatrics),
    ];

    /// How many patients each department has, relative to the others (a large general hospital's mix).
    public static int Share(string code) => code switch
    {
        "XNK" => 14, "SJNK" => 9, "HXNK" => 9, "NFMK" => 8, "XHNK" => 7, "GK" => 8, "PTWK" => 7, "EK" => 7, "CK" => 5,
        "ZLK" => 5, "JZK" => 4, "SNK" => 4, "MNWK" => 4, "FK" => 4, "LGBF" => 3, "SJWK" => 3, "XXWK" => 3, _ => 2,
    };
}

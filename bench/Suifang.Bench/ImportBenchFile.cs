using System.Globalization;
using MiniExcelLibs;
using Suifang.Core.Patients.Import;

namespace Suifang.Bench;

/// A realistic import sheet: Chinese names, valid mobile and ID numbers, HIS ids on half the rows,
/// outpatient visits and hospital stays over two years, ICD-10 diagnoses; one row in ten is a
/// second visit of an earlier patient. Deterministic (seeded), written row by row with MiniExcel.
internal static class ImportBenchFile
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "欧阳", "司马"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "淑珍", "志强", "晓燕", "海燕"];
    private static readonly string[] Departments = ["心血管内科", "心内科", "神经内科", "呼吸内科", "内分泌科", "消化内科", "肾内科", "普外科", "骨科", "神经外科", "胸外科", "泌尿外科", "产科", "妇科", "儿科", "肿瘤科"];
    private static readonly (string Code, string Name)[] Diagnoses =
    [
        ("I21.9", "急性心肌梗死"), ("I10", "高血压"), ("E11.9", "2型糖尿病"), ("I63.9", "脑梗死"), ("J44.9", "慢性阻塞性肺疾病"),
        ("K80.2", "胆囊结石"), ("N18.5", "慢性肾脏病5期"), ("S72.0", "股骨颈骨折"), ("C34.9", "肺恶性肿瘤"), ("O80", "单胎顺产"),
        ("J18.9", "肺炎"), ("I50.9", "心力衰竭"), ("K35.8", "急性阑尾炎"), ("E78.5", "高脂血症"), ("I48", "心房颤动"),
    ];
    private static readonly string[] Doctors = ["李明", "陈静", "王建华", "赵丽", "周强", "吴敏", "孙海涛", "郑红"];

    public static void Write(string path, int rows)
    {
        using var file = File.Create(path);
        MiniExcel.SaveAs(file, Generate(rows), sheetName: "患者");
    }

    private static IEnumerable<Dictionary<string, object?>> Generate(int rows)
    {
        var random = new Random(20261129);
        var end = new DateTime(2026, 11, 1);
        var earlier = new List<Dictionary<string, object?>>();
        for (var i = 0; i < rows; i++)
        {
            Dictionary<string, object?> person;
            if (earlier.Count > 100 && random.Next(10) == 0)
                person = new Dictionary<string, object?>(earlier[random.Next(earlier.Count)]);
            else
            {
                person = Person(random, i);
                if (earlier.Count < 5_000)
                    earlier.Add(person);
                else
                    earlier[random.Next(earlier.Count)] = person;
            }
            yield return WithEncounter(person, random, i, end);
        }
    }

    private static Dictionary<string, object?> Person(Random r, int i)
    {
        var birth = new DateTime(1930, 1, 1).AddDays(r.Next(0, 365 * 85));
        var female = r.Next(2) == 0;
        var withId = r.Next(10) < 3;
        return new Dictionary<string, object?>
        {
            [ImportColumns.Name] = Surnames[r.Next(Surnames.Length)] + Given[r.Next(Given.Length)] + (r.Next(3) == 0 ? Given[r.Next(Given.Length)] : ""),
            [ImportColumns.Gender] = female ? "女" : "男",
            [ImportColumns.BirthDate] = withId ? null : birth,
            [ImportColumns.Age] = null,
            [ImportColumns.Phone] = $"1{"3456789"[r.Next(7)]}{r.Next(0, 1_000_000_000):D9}",
            [ImportColumns.FamilyName] = r.Next(3) == 0 ? Surnames[r.Next(Surnames.Length)] + Given[r.Next(Given.Length)] : null,
            [ImportColumns.FamilyRelation] = r.Next(3) == 0 ? "配偶" : null,
            [ImportColumns.FamilyPhone] = r.Next(3) == 0 ? $"13{r.Next(0, 1_000_000_000):D9}" : null,
            [ImportColumns.IdNumber] = withId ? IdNumber(r, birth, female) : null,
            [ImportColumns.HisPatientId] = r.Next(2) == 0 ? $"P{i:D8}" : null,
        };
    }

    private static Dictionary<string, object?> WithEncounter(Dictionary<string, object?> person, Random r, int i, DateTime end)
    {
        var row = new Dictionary<string, object?>(person);
        var visit = end.AddMinutes(-r.Next(0, 60 * 24 * 730));
        var kind = r.Next(10);
        var (type, discharge) = kind switch
        {
            < 5 => ("门诊", (DateTime?)null),
            < 6 => ("住院", null),
            _ => ("出院", visit.AddDays(r.Next(2, 20))),
        };
        var (code, name) = Diagnoses[r.Next(Diagnoses.Length)];
        var (code2, name2) = Diagnoses[r.Next(Diagnoses.Length)];
        row[ImportColumns.VisitType] = type;
        row[ImportColumns.VisitNumber] = (type == "门诊" ? "MZ" : "ZY") + i.ToString("D9", CultureInfo.InvariantCulture);
        row[ImportColumns.Department] = Departments[r.Next(Departments.Length)];
        row[ImportColumns.Doctor] = Doctors[r.Next(Doctors.Length)];
        row[ImportColumns.VisitAt] = r.Next(2) == 0 ? visit : visit.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        row[ImportColumns.DischargeAt] = discharge;
        row[ImportColumns.DiagnosisCode] = code;
        row[ImportColumns.DiagnosisName] = name;
        row[ImportColumns.SecondaryDiagnoses] = r.Next(3) == 0 && code2 != code ? $"{code2} {name2}" : null;
        return row;
    }

    private static string IdNumber(Random r, DateTime birth, bool female)
    {
        var body = $"110105{birth:yyyyMMdd}{r.Next(0, 100):D2}{(female ? 2 * r.Next(5) : 2 * r.Next(5) + 1)}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, k) => (c - '0') * weights[k]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}

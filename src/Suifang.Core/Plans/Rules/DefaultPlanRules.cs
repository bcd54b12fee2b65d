using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Patients;

namespace Suifang.Core.Plans.Rules;

/// One rule per preset pathway (by its key), written when a hospital has no plan rules yet. A rule whose pathway key
/// has no published pathway matches nothing until one is published under that key.
public static class DefaultPlanRules
{
    public static readonly IReadOnlyList<(string Key, string Name, string Codes, VisitType? VisitType)> Presets =
    [
        ("pci", "冠心病介入（PCI）术后", "I20-I25;Z95.5", VisitType.Discharged),
        ("stroke", "脑卒中出院", "I60-I64", VisitType.Discharged),
        ("heart-failure", "心力衰竭出院", "I50", VisitType.Discharged),
        ("hypertension", "高血压门诊", "I10-I15", VisitType.Outpatient),
        ("type2-diabetes", "2 型糖尿病", "E11", null),
        ("copd", "慢阻肺出院", "J44", VisitType.Discharged),
        ("lap-cholecystectomy", "腹腔镜胆囊切除术后", "K80-K81", VisitType.Discharged),
        ("total-knee-arthroplasty", "全膝关节置换术后", "M17;Z96.6", VisitType.Discharged),
        ("caesarean-section", "剖宫产术后", "O82;O34.2", VisitType.Discharged),
        ("paediatric-pneumonia", "儿童肺炎出院", "J12-J18", VisitType.Discharged),
        ("breast-cancer-chemotherapy", "乳腺癌化疗", "C50", null),
        ("thyroidectomy", "甲状腺切除术后", "E04-E05;C73", VisitType.Discharged),
    ];

    /// Adds the default rules for a hospital that has none; returns how many were added.
    public static async Task<int> SeedAsync(SuifangDbContext db, int hospitalId, DateTime now, CancellationToken ct = default)
    {
        if (await db.PlanRules.AnyAsync(r => r.HospitalId == hospitalId, ct))
            return 0;
        db.PlanRules.AddRange(Presets.Select(p => new PlanRule
        {
            HospitalId = hospitalId,
            Name = p.Name,
            DiagnosisCodes = p.Codes,
            VisitType = p.VisitType,
            PathwayKey = p.Key,
            CreatedAt = now,
        }));
        return await db.SaveChangesAsync(ct);
    }
}

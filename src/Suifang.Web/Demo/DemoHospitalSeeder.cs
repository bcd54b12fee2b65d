using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Organization;

namespace Suifang.Web.Demo;

/// Creates the demo hospital: campuses, departments, staff of every role and realistic patients.
/// Everything it creates is labelled as demo data.
internal sealed class DemoHospitalSeeder(SuifangDbContext db, ILogger<DemoHospitalSeeder> log)
{
    public async Task SeedAsync(Hospital hospital, int patients, CancellationToken ct = default)
    {
        if (await db.Departments.AnyAsync(d => d.HospitalId == hospital.Id, ct))
        {
            log.LogInformation("Demo data already present; nothing seeded.");
            return;
        }
        foreach (var (code, name, aliases) in DemoDepartments.All)
            db.Departments.Add(new Department { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Code = code, Name = name, Aliases = aliases });
        await db.SaveChangesAsync(ct);
        log.LogInformation("Seeded {Count} demo departments", DemoDepartments.All.Count);
    }
}

internal static class DemoDepartments
{
    public static readonly IReadOnlyList<(string Code, string Name, string? Aliases)> All =
    [
        ("XNK", "心血管内科", "心内科;心内"),
        ("SJNK", "神经内科", "神内"),
        ("HXNK", "呼吸与危重症医学科", "呼吸内科;呼吸科"),
        ("NFMK", "内分泌科", "内分泌代谢科"),
        ("XHNK", "消化内科", "消化科"),
        ("SNK", "肾内科", "肾脏内科"),
        ("PTWK", "普通外科", "普外科;普外"),
        ("GK", "骨科", "骨外科"),
        ("SJWK", "神经外科", "神外"),
        ("XXWK", "心胸外科", "胸外科"),
        ("MNWK", "泌尿外科", "泌尿科"),
        ("CK", "产科", null),
        ("FK", "妇科", null),
        ("EK", "儿科", "小儿内科"),
        ("ZLK", "肿瘤科", "肿瘤内科"),
        ("JZK", "甲状腺乳腺外科", "甲乳外科"),
        ("JSK", "精神心理科", "精神科;心理科"),
        ("LGBF", "老干部病房", "干部病房"),
    ];
}

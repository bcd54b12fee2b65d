using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Organization;
using Suifang.Core.Security;
using Suifang.Web.Accounts;

namespace Suifang.Web.Demo;

/// Creates the demo hospital: two campuses, departments, staff of every role and realistic patients.
/// Everything it creates is labelled as demo data: the hospital's name says 演示, patients have source Demo.
/// Patients go in through EF Core with a system actor, so the audit chain covers them.
internal sealed class DemoHospitalSeeder(
    SuifangDbContext db,
    IDbContextFactory<SuifangDbContext> dbFactory,
    UserManager<StaffUser> users,
    SensitiveDataProtector protector,
    HospitalClock clock,
    IConfiguration configuration,
    ILogger<DemoHospitalSeeder> log)
{
    public const int Seed = 20_260_501;
    private const int BatchSize = 1000;
    private static readonly AuditActor Actor = AuditActor.System("演示数据");

    public async Task SeedAsync(Hospital hospital, int patients, CancellationToken ct = default)
    {
        if (await db.Departments.AnyAsync(d => d.HospitalId == hospital.Id, ct))
        {
            log.LogInformation("Demo data already present; nothing seeded.");
            return;
        }
        var started = DateTime.UtcNow;
        db.Actor = Actor;
        await LabelAsync(hospital, ct);
        await ContactRulesAsync(hospital, ct);
        var departments = await DepartmentsAsync(hospital, ct);

        var configured = configuration["Suifang:DemoPassword"];
        var password = string.IsNullOrWhiteSpace(configured) ? AdminBootstrapper.NewOneTimePassword() : configured;
        var staff = await new DemoStaff(users, db).CreateAsync(hospital.Id, password, departments, clock.Now, new Random(Seed + 2), ct);
        if (staff > 0 && string.IsNullOrWhiteSpace(configured))
            PrintPassword(password);
        await new DemoDuty(db, protector).CreateAsync(hospital.Id, departments, clock.Now, new Random(Seed + 4), ct);

        await PatientsAsync(hospital.Id, departments, patients, ct);
        log.LogInformation("Seeded the demo hospital: {Departments} departments, {Staff} staff, {Patients} patients in {Seconds:F1} s",
            departments.Count, staff, patients, (DateTime.UtcNow - started).TotalSeconds);
    }

    /// The demo must show calls within minutes of the first start, whatever the hour (issue #4): its virtual patients may
    /// be called all day, every day, and the first call does not wait for the pre-call SMS notice. The hospital's own rules
    /// (ContactSettings.Defaults) apply to every real hospital; the contact rules page shows and changes these.
    public static ContactSettings DemoContactRules(int hospitalId)
    {
        var rules = ContactSettings.Defaults(hospitalId);
        rules.CallingHours = [.. Enumerable.Repeat("00:00-24:00", 7)];
        rules.QuietPeriods = "";
        rules.PreCallNoticeEnabled = false;
        rules.UpdatedBy = Actor.UserName;
        return rules;
    }

    private async Task ContactRulesAsync(Hospital hospital, CancellationToken ct)
    {
        if (await db.ContactSettings.AnyAsync(s => s.HospitalId == hospital.Id, ct))
            return;
        var rules = DemoContactRules(hospital.Id);
        (rules.Revision, rules.UpdatedAt) = (1, clock.Now);
        ContactSettingsEditor.AddFirst(db, rules);
        db.AuditEvent(AuditActions.Update, "ContactSettings", hospital.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "演示医院的联系规则：每天 00:00-24:00 可呼叫（虚拟患者），不发首呼前短信告知，以便启动后几分钟内就能看到外呼");
        await db.SaveChangesAsync(ct);
    }

    private async Task LabelAsync(Hospital hospital, CancellationToken ct)
    {
        if (!hospital.Name.Contains("演示", StringComparison.Ordinal))
            hospital.Name += "（演示）";
        if (hospital.Campuses.Count == 0)
            hospital.Campuses.Add(new Campus { Code = "MAIN", Name = "本院区" });
        if (hospital.Campuses.All(c => c.Code != "EAST"))
            hospital.Campuses.Add(new Campus { Code = "EAST", Name = "东院区" });
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<SeededDepartment>> DepartmentsAsync(Hospital hospital, CancellationToken ct)
    {
        var main = hospital.Campuses.First(c => c.Code != "EAST");
        var east = hospital.Campuses.First(c => c.Code == "EAST");
        var rows = DemoDepartments.All.Select(d => (Demo: d, Row: new Department
        {
            HospitalId = hospital.Id,
            CampusId = d.EastCampus ? east.Id : main.Id,
            Code = d.Code,
            Name = d.Name,
            Aliases = d.Aliases,
        })).ToList();
        db.Departments.AddRange(rows.Select(r => r.Row));
        await db.SaveChangesAsync(ct);

        var names = new Random(Seed + 3);
        return rows.Select(r => new SeededDepartment(r.Demo, r.Row.Id, r.Row.CampusId!.Value,
            [.. Enumerable.Range(0, 3).Select(i => ChineseNames.FullName(names, i == 1 ? Core.Patients.Gender.Female : Core.Patients.Gender.Male, 1975 + i * 5))]))
            .ToList();
    }

    private async Task PatientsAsync(int hospitalId, List<SeededDepartment> departments, int count, CancellationToken ct)
    {
        var generator = new DemoPatientGenerator(departments, hospitalId, clock.Now, protector, Seed);
        for (var done = 0; done < count; done += BatchSize)
        {
            // A fresh context per batch keeps the change tracker small; each batch is one audited transaction.
            await using var batch = await dbFactory.CreateDbContextAsync(ct);
            batch.Actor = Actor;
            batch.ChangeTracker.AutoDetectChangesEnabled = false;
            batch.Patients.AddRange(Enumerable.Range(0, Math.Min(BatchSize, count - done)).Select(_ => generator.Next()));
            await batch.SaveChangesAsync(ct);
        }
    }

    private static void PrintPassword(string password)
    {
        // Printed once, to the console only, like the first admin's password: it is not written to the logs.
        Console.WriteLine();
        Console.WriteLine("==================== 随访平台演示数据 ====================");
        Console.WriteLine($"  演示账号：{string.Join("、", DemoStaff.Accounts.Select(a => a.UserName))}");
        Console.WriteLine($"  演示密码（所有演示账号共用）：{password}");
        Console.WriteLine("  演示账号仅用于试用，正式使用前请在“账号管理”中停用。此密码只显示这一次。");
        Console.WriteLine("==========================================================");
        Console.WriteLine();
    }
}

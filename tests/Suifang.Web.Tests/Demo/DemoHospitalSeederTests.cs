using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Security;
using Suifang.Testing;

namespace Suifang.Web.Tests.Demo;

public sealed class DemoHospitalSeederTests
{
    private const string DemoPassword = "demo-Pass-2026";

    private static Task<SuifangWebFactory> StartWithDemoAsync(DatabaseProvider provider, int patients) =>
        SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Suifang:DemoData"] = "true",
            ["Suifang:DemoPatients"] = patients.ToString(),
            ["Suifang:DemoPassword"] = DemoPassword,
            // The demo hospital may be called at any hour: the dispatcher would write while the seeder still seeds.
            ["Tasks:DispatcherEnabled"] = "false",
        });

    [Theory, ClassData(typeof(Providers))]
    public async Task A_new_database_gets_a_labelled_demo_hospital_with_staff_of_every_role_and_the_configured_patients(DatabaseProvider provider)
    {
        await using var app = await StartWithDemoAsync(provider, 300);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var protector = scope.ServiceProvider.GetRequiredService<SensitiveDataProtector>();

        var hospital = await db.Hospitals.Include(h => h.Campuses).SingleAsync();
        Assert.Contains("演示", hospital.Name);
        Assert.Equal(["本院区", "东院区"], hospital.Campuses.OrderBy(c => c.Id).Select(c => c.Name));
        Assert.True(await db.Departments.CountAsync() >= 15);
        foreach (var role in Roles.All)
            Assert.NotEmpty(await users.GetUsersInRoleAsync(role));
        var nurse = (await users.FindByNameAsync("nurse.xnk"))!;
        Assert.False(nurse.MustChangePassword);
        Assert.Equal(["心血管内科"], await db.StaffDepartments.Where(s => s.UserId == nurse.Id)
            .Join(db.Departments, s => s.DepartmentId, d => d.Id, (s, d) => d.Name).ToListAsync());

        var patients = await db.Patients.Include(p => p.Encounters).ToListAsync();
        Assert.Equal(300, patients.Count);
        Assert.All(patients, p =>
        {
            Assert.True(ContactNumbers.IsValidPhone(protector.Unprotect(p.PhoneCipher)), p.PhoneMasked);
            Assert.InRange(p.Encounters.Count, 1, 3);
            Assert.Equal(PatientSource.Demo, p.Source);
            if (p.IdNumberCipher is { } id)
                Assert.True(ContactNumbers.IsValidIdNumber(protector.Unprotect(id)));
        });
        Assert.Contains(patients, p => p.IdNumberCipher is not null);
        Assert.Contains(patients, p => p.FamilyPhoneCipher is not null && p.FamilyRelation is not null);
        var encounters = patients.SelectMany(p => p.Encounters).ToList();
        Assert.Contains(encounters, e => e.VisitType == VisitType.Inpatient && e.DischargeAt is null);
        Assert.Contains(encounters, e => e.VisitType == VisitType.Outpatient);
        // The demo shows follow-up at once: presets loaded and the recent discharges and visits planned (5.1.3).
        Assert.Equal(12, await db.Pathways.CountAsync(p => p.IsPreset));
        Assert.True(await db.Plans.CountAsync() > 0, "the demo hospital has no follow-up plans");
        Assert.True(await db.Tasks.CountAsync() > 0);
        // Calls within minutes whatever the hour (issue #4): virtual patients may be called all day, no notice lead.
        var rules = await db.ContactSettings.SingleAsync(s => s.HospitalId == hospital.Id);
        Assert.All(rules.CallingHours, day => Assert.Equal("00:00-24:00", day));
        Assert.False(rules.PreCallNoticeEnabled);
        Assert.True(await db.Holidays.AnyAsync(h => h.HospitalId == hospital.Id));
        Assert.True(encounters.Count(e => e.DischargeAt > DateTime.Now.AddDays(-57)) > 50);
        Assert.Contains(encounters, e => e.SecondaryDiagnoses.Count > 0);
        Assert.Equal(encounters.Count, encounters.Select(e => e.VisitNumber).Distinct().Count());

        var verification = await AuditChainVerifier.VerifyAsync(db);
        Assert.True(verification.Intact, verification.Message);
        Assert.True(await db.AuditLog.CountAsync(a => a.UserName == "系统:演示数据" && a.EntityType == "Patient") == 300);
    }

    [Fact]
    public async Task Demo_staff_sign_in_with_the_shared_demo_password_without_changing_it()
    {
        await using var app = await StartWithDemoAsync(DatabaseProvider.Sqlite, 20);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(client, "doctor.xnk", DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Organization;
using Suifang.Web.Accounts;
using Suifang.Web.Demo;

namespace Suifang.Web.Hosting;

internal static class DatabaseStartup
{
    /// Migrates the database, makes sure the hospital and the first admin exist, and seeds the demo
    /// hospital when asked (--seed-demo) or when the database is new and Suifang:DemoData is not false.
    public static async Task PrepareDatabaseAsync(this WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SuifangDbContext>();
        var log = sp.GetRequiredService<ILogger<SuifangDbContext>>();
        var isNew = !(await db.Database.GetAppliedMigrationsAsync()).Any();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets pages read while imports and the HIS pull write; optimize refreshes the planner's statistics.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;");
        }
        log.LogInformation("Database ready ({Provider})", db.Database.ProviderName);

        var hospital = await EnsureHospitalAsync(db, app.Configuration);
        await Suifang.Core.Plans.Rules.DefaultPlanRules.SeedAsync(db, hospital.Id, sp.GetRequiredService<Suifang.Core.Common.HospitalClock>().Now);
        var admins = sp.GetRequiredService<AdminBootstrapper>();
        await admins.EnsureAsync(hospital.Id);
        if (args.Contains("--reset-admin-password"))
        {
            await admins.ResetAsync();
            Environment.Exit(0);
        }

        var demoWanted = args.Contains("--seed-demo") || (isNew && app.Configuration.GetValue("Suifang:DemoData", true));
        if (demoWanted)
        {
            await sp.GetRequiredService<DemoHospitalSeeder>().SeedAsync(hospital, app.Configuration.GetValue("Suifang:DemoPatients", 2000));
            await DemoPlansAsync(db, hospital.Id, sp.GetRequiredService<Suifang.Core.Common.HospitalClock>(), log);
        }
    }

    /// The demo patients arrive before the preset pathways are loaded, so they would get plans only from the nightly job:
    /// load the presets now and run the daily plan creation once, so the demo shows plans and tasks at once.
    private static async Task DemoPlansAsync(SuifangDbContext db, int hospitalId, Suifang.Core.Common.HospitalClock clock, ILogger log)
    {
        await new Suifang.Core.Pathways.Presets.PresetLoader(db, () => clock.Now).EnsureAsync(hospitalId);
        db.Actor = Suifang.Core.Audit.AuditActor.System("随访计划");
        var result = await Suifang.Core.Plans.Automatic.AutoPlanner.DailyAsync(db, clock.Now, 30, default);
        log.LogInformation("Demo plans: {Created} plans for {Encounters} recent encounters", result.Created, result.Encounters);
    }

    private static async Task<Hospital> EnsureHospitalAsync(SuifangDbContext db, IConfiguration config)
    {
        var code = config["Suifang:HospitalCode"] ?? "DEMO";
        var hospital = await db.Hospitals.Include(h => h.Campuses).FirstOrDefaultAsync(h => h.Code == code);
        if (hospital is not null)
            return hospital;
        hospital = new Hospital { Code = code, Name = config["Suifang:HospitalName"] ?? "示范医院（演示）" };
        hospital.Campuses.Add(new Campus { Code = "MAIN", Name = config["Suifang:CampusName"] ?? "本院区" });
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();
        return hospital;
    }
}

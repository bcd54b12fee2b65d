using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Organization;
using Suifang.Core.Patients.HisSync;
using Suifang.Core.Security;
using Suifang.Integrations.His.Demo;
using Suifang.Testing;

namespace Suifang.Integrations.Tests.His;

/// A hospital with four departments on a throwaway database, at noon on 29 November 2026, and the
/// sync service wired to a chosen HIS source.
internal sealed class SyncWorld : IAsyncDisposable
{
    public static readonly AuditActor System = AuditActor.System("HIS 同步");

    private SyncWorld(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public HospitalClock Clock { get; } = FhirSourceHarness.Clock;
    public SensitiveDataProtector Protector { get; } = new(SensitiveDataProtector.NewMasterKey());
    public IDbContextFactory<SuifangDbContext> Contexts => new Factory(Database);
    public IOptions<SuifangOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new SuifangOptions { HospitalCode = "DEMO" });

    public static async Task<SyncWorld> CreateAsync(DatabaseProvider provider)
    {
        var world = new SyncWorld(await TestDatabase.CreateAsync(provider));
        await using var db = await world.Database.MigratedContextAsync();
        var hospital = new Hospital { Code = "DEMO", Name = "示范医院" };
        hospital.Campuses.Add(new Campus { Code = "MAIN", Name = "本院区" });
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();
        foreach (var (code, name, aliases) in new[] { ("XNK", "心血管内科", "心内科"), ("SJNK", "神经内科", null), ("GK", "骨科", null), ("EK", "儿科", null) })
            db.Departments.Add(new Department { HospitalId = hospital.Id, CampusId = hospital.Campuses[0].Id, Code = code, Name = name, Aliases = aliases });
        await db.SaveChangesAsync();
        return world;
    }

    public HisSyncService Service(IHisSource source) =>
        new(source, Contexts, Protector, Clock, Options, NullLogger<HisSyncService>.Instance);

    public DemoHisSource Demo() => new(Contexts, Clock, Options);

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private sealed class Factory(TestDatabase database) : IDbContextFactory<SuifangDbContext>
    {
        public SuifangDbContext CreateDbContext() => database.NewContext();
    }
}

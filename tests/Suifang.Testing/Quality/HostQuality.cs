using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Audit;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Quality;

namespace Suifang.Testing.Quality;

/// Quality-control data in a running test host: the test script, a patient's calls written straight in, and a sampling
/// run at the share given (the host's own job runs every five minutes; tests do not wait for it).
public static class HostQuality
{
    public static async Task<QualityCalls> CallsAsync(IServiceProvider services, int departmentId, DateTime now, double percent = 100)
    {
        var factory = services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        SuifangDbContext NewContext()
        {
            var db = factory.CreateDbContext();
            db.Actor = AuditActor.System("test");
            return db;
        }
        await using var db = NewContext();
        var hospital = await db.Hospitals.Include(h => h.Campuses).FirstAsync();
        if (!await db.QualitySettings.AnyAsync(s => s.HospitalId == hospital.Id && s.DepartmentId == null))
            db.QualitySettings.Add(new QualitySettings { HospitalId = hospital.Id, SamplePercent = percent });
        await db.SaveChangesAsync();
        var calls = new QualityCalls(NewContext, hospital.Id, hospital.Campuses[0].Id);
        if (!await db.Scripts.AnyAsync(s => s.Key == QualityCalls.ScriptKey))
            await calls.ScriptAsync(departmentId, now);
        return calls;
    }

    public static async Task<long> SampledCallAsync(IServiceProvider services, QualityCalls calls, long patientId, int departmentId, DateTime endedAt,
        IReadOnlyList<QualityCalls.Exchange> exchanges)
    {
        var callId = await calls.CallAsync(patientId, departmentId, endedAt, CallEnd.Completed, exchanges);
        var factory = services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await SampleCalls.RunAsync(db, endedAt.AddMinutes(1), CancellationToken.None);
        return await db.QualitySamples.Where(s => s.CallId == callId).Select(s => s.Id).SingleAsync();
    }
}

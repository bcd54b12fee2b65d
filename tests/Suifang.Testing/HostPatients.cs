using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Security;

namespace Suifang.Testing;

/// Puts a patient into a running test host's database, encrypted with the host's own key.
public static class HostPatients
{
    public static async Task<Patient> AddAsync(IServiceProvider services, Func<PatientBuilder, PatientBuilder> build)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        db.Actor = AuditActor.System("test");
        var hospital = await db.Hospitals.Include(h => h.Campuses).FirstAsync();
        var protector = scope.ServiceProvider.GetRequiredService<SensitiveDataProtector>();
        var patient = build(new PatientBuilder(protector, hospital.Id, hospital.Campuses[0].Id)).Build();
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient;
    }
}

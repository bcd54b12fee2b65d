using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Security;
using Suifang.Core.Tasks;
using Suifang.Integrations.Calls;
using Suifang.Integrations.Telephony.Simulated;

namespace Suifang.Testing.Calls;

/// Makes a call in a test host: a plan step with CallWorld's questions and triggers for the patient, run through the AI
/// call channel over the simulated network with the given persona and the scripted dialogue. Returns the call's id.
public static class HostCalls
{
    public static async Task<long> CallAsync(IServiceProvider services, long patientId, int hospitalId, int campusId, int departmentId,
        Persona persona, DateTime now)
    {
        var factory = services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        FollowUpTask task;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var plan = new FollowUpPlan
            {
                HospitalId = hospitalId, CampusId = campusId, PatientId = patientId, DepartmentId = departmentId,
                Source = PlanSource.Manual, AnchorTime = now.AddDays(-3), CreatedAt = now,
            };
            var step = new PlanStep { Title = "出院后3天", Label = "D+3", DueFrom = now, DueTo = now.AddDays(2), Questions = CallWorld.Questions(),
                Triggers = CallWorld.Triggers(), Channels = [new ChannelStep { Kind = ChannelKind.AiCall }] };
            plan.Steps.Add(step);
            db.Plans.Add(plan);
            task = StepTasks.Create(plan, step, 0, now, now);
            // This helper places the call itself: the host's own dispatcher must not take the task as well.
            task.NextAttemptAt = DateTime.Now.AddYears(10);
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
        }
        var channel = new AiCallChannel(factory.CreateDbContext, new SimulatedTelephony(3, PersonaMix.AlwaysAnswered(persona)),
            new ScriptedConversationFactory(), _ => new FixedScriptLibrary(), services.GetRequiredService<SensitiveDataProtector>(),
            services.GetRequiredService<ContactPolicies>(), () => now, new CallsOptions());
        await channel.ExecuteAsync(new TaskExecution(task, 1, $"task:{task.Id}:attempt:1"), CancellationToken.None);
        await using var check = await factory.CreateDbContextAsync();
        return await check.Calls.Where(c => c.TaskId == task.Id).Select(c => c.Id).SingleAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.Integrations.Tests.Calls;

/// The agent addresses the patient by the sex and age of the patient record (8.1.1 polite wording): 先生 for a man, 阿姨
/// for a woman of 50 or more, 女士 for a younger woman, and the full name when the record does not say (no guessed 女士).
public sealed class CallGreetingTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task The_identity_check_uses_the_sex_and_age_of_the_patient_record(DatabaseProvider provider)
    {
        await using var world = await CallWorld.WithRealAgentAsync(provider);
        var cases = new (Gender Gender, DateOnly Birth, string Expected)[]
        {
            (Gender.Male, new(1960, 5, 1), "张先生"),
            (Gender.Female, new(1960, 5, 1), "张阿姨"),
            (Gender.Female, new(1995, 5, 1), "张女士"),
            (Gender.Unknown, new(1960, 5, 1), "张建华"),
        };
        foreach (var (gender, birth, expected) in cases)
        {
            var task = await world.PatientWithCallAsync(Persona.Cooperative);
            await using (var db = world.NewContext())
                await db.Patients.IgnoreQueryFilters().Where(p => p.Id == task.PatientId)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "张建华").SetProperty(p => p.Gender, gender).SetProperty(p => p.BirthDate, birth));

            await world.RunAsync(task.Id);

            await using var check = world.NewContext();
            var agentSaid = await check.Calls.Where(c => c.TaskId == task.Id).SelectMany(c => c.Turns)
                .Where(t => t.Speaker == Speaker.Agent).Select(t => t.Text).ToListAsync();
            var identity = Assert.Single(agentSaid, s => s.Contains("请问您是", StringComparison.Ordinal));
            Assert.True(identity.Contains($"请问您是{expected}本人", StringComparison.Ordinal), $"{gender} {birth}: {identity}");
        }
    }
}

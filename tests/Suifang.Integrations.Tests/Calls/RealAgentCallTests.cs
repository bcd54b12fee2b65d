using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;
using Xunit.Abstractions;

namespace Suifang.Integrations.Tests.Calls;

/// The real agent end to end (5.1.4): the simulated network's virtual patients talk in Chinese to the dialogue engine,
/// which understands them with the offline understanding; what they say becomes results, to-dos and the task's outcome.
public sealed class RealAgentCallTests(ITestOutputHelper output)
{
    private async Task<(Call Call, TaskOutcome Outcome, List<FollowUpResult> Results, List<TodoItem> Todos)> CallAsync(Persona persona)
    {
        await using var world = await CallWorld.WithRealAgentAsync(DatabaseProvider.Sqlite);
        var task = await world.PatientWithCallAsync(persona);
        var (_, outcome) = await world.RunAsync(task.Id);
        await using var db = world.NewContext();
        var call = await db.Calls.Include(c => c.Turns).SingleAsync(c => c.TaskId == task.Id);
        foreach (var turn in call.Turns.OrderBy(t => t.Index))
            output.WriteLine($"{turn.Speaker}: {turn.Text}{(turn.Intent is null ? "" : $"  [{turn.Intent}]")}");
        output.WriteLine($"→ {call.End}: {outcome.Kind} {outcome.Summary}");
        return (call, outcome, await db.FollowUpResults.Where(r => r.CallId == call.Id).ToListAsync(), await db.Todos.ToListAsync());
    }

    [Fact]
    public async Task A_cooperative_patient_answers_every_question_and_the_call_completes()
    {
        var (call, outcome, results, todos) = await CallAsync(Persona.Cooperative);
        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal(CallEnd.Completed, call.End);
        Assert.Equal(["chest_pain", "temperature", "wound_redness"], results.Select(r => r.QuestionKey).Order().ToArray());
        Assert.Empty(todos);
        // Saying the temperature again confirms the read-back: at most one more read-back (when the virtual patient says
        // another figure, which is a correction), never until the tries run out.
        Assert.InRange(call.Turns.Count(t => t.Speaker == Speaker.Agent && t.Text.Contains("您是说", StringComparison.Ordinal)), 1, 2);
    }

    [Fact]
    public async Task A_feverish_patient_raises_the_temperature_trigger()
    {
        var (_, _, results, todos) = await CallAsync(Persona.Feverish);
        Assert.Contains(results, r => r.QuestionKey == "temperature" && double.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture) >= 38.5);
        Assert.Contains(todos, t => t.Kind == TodoKind.Abnormal && t.QuestionKey == "temperature");
    }

    [Theory]
    [InlineData(Persona.WrongNumber, CallEnd.WrongNumber)]
    [InlineData(Persona.Refuses, CallEnd.Refused)]
    [InlineData(Persona.Deceased, CallEnd.Deceased)]
    public async Task Ending_personas_end_the_call_with_their_ending(Persona persona, CallEnd expected)
    {
        var (call, _, _, _) = await CallAsync(persona);
        Assert.Equal(expected, call.End);
    }
}

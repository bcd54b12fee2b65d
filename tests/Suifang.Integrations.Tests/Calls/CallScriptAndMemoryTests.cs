using Suifang.Agent.Scripts;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Integrations.Calls;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.Integrations.Tests.Calls;

/// The script a call follows (话术, 7.2.5.2 traceability) and the memory it carries from earlier follow-ups (7.3.2).
public sealed class CallScriptAndMemoryTests
{
    [Fact]
    public void A_script_made_from_node_questions_discloses_the_ai_offers_a_person_and_asks_each_question()
    {
        var node = new PathwayNode { Title = "出院后第 7 天", Offset = 7, Questions = CallWorld.Questions() };

        var script = QuestionScripts.FromNode(node, "心血管内科");

        Assert.Equal("generated:D+7", script.Key);
        Assert.Contains("AI", script.Opening);
        Assert.Contains("转人工", script.Opening);
        Assert.Equal(["temperature", "wound_redness", "chest_pain"], script.Questions.Select(q => q.Key).ToArray());
        var temperature = script.Questions[0];
        Assert.Equal((AnswerType.Number, "℃", true), (temperature.Type, temperature.Unit, temperature.Confirm));
        Assert.Equal("yes", script.Questions[1].Dtmf["1"]); // a yes/no question can be answered by key press
    }

    [Fact]
    public async Task A_step_with_a_script_key_is_called_with_the_librarys_script_and_keeps_its_version()
    {
        var library = QuestionScripts.FromQuestions("pci.d3", "PCI 术后第 3 天", CallWorld.Questions()) with { Version = 4 };
        await using var world = await CallWorld.CreateAsync(DatabaseProvider.Sqlite, null, library);
        var task = await world.PatientWithCallAsync(Persona.Cooperative, scriptKey: "pci.d3");

        await world.RunAsync(task.Id);

        Assert.True(world.Scripted.Started.TryPeek(out var started));
        Assert.Equal(("pci.d3", 4), (started.Script.Key, started.Script.Version));
        await using var db = world.NewContext();
        var call = db.Calls.Single();
        Assert.Equal(("pci.d3", 4), (call.ScriptKey, call.ScriptVersion));
    }

    [Fact]
    public async Task The_next_call_remembers_the_earlier_answers_with_their_period()
    {
        await using var world = await CallWorld.CreateAsync(DatabaseProvider.Sqlite);
        var first = await world.PatientWithCallAsync(Persona.Feverish);
        await world.RunAsync(first.Id);
        var second = await world.StepTaskAsync(first.PatientId, first.DepartmentId, label: "D+7");

        await world.RunAsync(second.Id);

        var setups = world.Scripted.Started.Select(s => s.Setup).ToList();
        Assert.Empty(setups[0].Memory.Answers);
        Assert.Equal("D+7", setups[1].Period);
        var fever = Assert.Single(setups[1].Memory.Answers, a => a.QuestionKey == "temperature");
        Assert.Equal(("38.6", "D+3"), (fever.Value, fever.Period));
        Assert.Contains("三十八度六", fever.Said);
    }
}

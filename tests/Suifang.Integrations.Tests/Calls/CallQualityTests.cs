using Microsoft.EntityFrameworkCore;
using Suifang.Core.Calls.Triggers;
using Suifang.Core.Data;
using Suifang.Core.Quality;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.Integrations.Tests.Calls;

/// 7.2.5.2 on a real agent call: the call records what produced its answers (script version, understanding model,
/// trigger rules version), and the automatic checks find the agent's AI disclosure and identity check in its words.
public sealed class CallQualityTests
{
    [Fact]
    public async Task A_real_agent_call_is_traceable_and_passes_the_opening_checks_when_sampled()
    {
        await using var world = await CallWorld.WithRealAgentAsync(DatabaseProvider.Sqlite);
        var task = await world.PatientWithCallAsync(Persona.Cooperative);
        await world.RunAsync(task.Id);
        await using var db = world.NewContext();
        var call = await db.Calls.SingleAsync(c => c.TaskId == task.Id);

        Assert.Equal(TriggerRulesVersion.Of(CallWorld.Triggers()), call.TriggerRulesVersion);
        Assert.StartsWith("sha256:", call.TriggerRulesVersion);
        Assert.NotNull(call.UnderstandingSource);
        Assert.NotNull(call.UnderstandingModel);
        Assert.Contains(call.UnderstandingSource!.Split(',')[0], call.UnderstandingModel);

        var findings = await CheckCall.RunAsync(db, call.Id, ForbiddenRule.Defaults, CancellationToken.None);
        Assert.True(findings.Single(f => f.Rule == CheckRule.AiDisclosure).Passed);
        Assert.True(findings.Single(f => f.Rule == CheckRule.Identity).Passed);
        Assert.All(findings.Where(f => f.Rule == CheckRule.Forbidden), f => Assert.True(f.Passed, f.Detail));
    }

    [Fact]
    public async Task A_call_made_while_a_language_model_is_configured_names_that_model_in_its_record()
    {
        await using var world = await CallWorld.WithRealAgentAsync(DatabaseProvider.Sqlite);
        world.Options.LanguageModel = "qwen2.5-7b-instruct @ http://llm.hospital.local:8000/v1";
        var task = await world.PatientWithCallAsync(Persona.Cooperative);
        await world.RunAsync(task.Id);
        await using var db = world.NewContext();
        var call = await db.Calls.SingleAsync(c => c.TaskId == task.Id);

        Assert.Contains("llm qwen2.5-7b-instruct @ http://llm.hospital.local:8000/v1", call.UnderstandingModel);
        Assert.Contains(call.UnderstandingSource!.Split(',')[0], call.UnderstandingModel);
    }

    [Fact]
    public void The_model_stamp_names_the_language_model_that_decided_turns_and_leaves_it_out_when_none_is_configured()
    {
        Assert.Equal("llm qwen2.5 @ http://llm/v1; rules", Suifang.Integrations.Calls.UnderstandingModelStamp.Describe(["rules", "llm"], "qwen2.5 @ http://llm/v1"));
        Assert.Equal("rules; llm qwen2.5 @ http://llm/v1 (configured)", Suifang.Integrations.Calls.UnderstandingModelStamp.Describe(["rules"], "qwen2.5 @ http://llm/v1"));
        Assert.Equal("rules", Suifang.Integrations.Calls.UnderstandingModelStamp.Describe(["rules"]));
        Assert.Null(Suifang.Integrations.Calls.UnderstandingModelStamp.Describe([]));
    }

    [Fact]
    public void The_trigger_rules_version_changes_with_any_rule_and_not_otherwise()
    {
        var rules = CallWorld.Triggers();
        var changed = CallWorld.Triggers();
        changed[0].Value = "38";

        Assert.Equal(TriggerRulesVersion.Of(rules), TriggerRulesVersion.Of(CallWorld.Triggers()));
        Assert.NotEqual(TriggerRulesVersion.Of(rules), TriggerRulesVersion.Of(changed));
        Assert.Null(TriggerRulesVersion.Of([]));
    }
}

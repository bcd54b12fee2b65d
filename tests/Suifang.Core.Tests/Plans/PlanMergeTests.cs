using Suifang.Core.Pathways;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Testing;
using static Suifang.Core.Tests.Plans.PlanRequests;
using static Suifang.Testing.TestPathways;

namespace Suifang.Core.Tests.Plans;

/// 7.2.3.2 a: a patient with several diagnoses gets one plan; nearby nodes are one step, shared questions asked once,
/// all triggers kept, conflicts resolved and explained.
public sealed class PlanMergeTests
{
    private static Core.Plans.FollowUpPlan Merged() => PlanBuilder.Build(Request(Pci(), Diabetes()), Now).Plan!;

    [Fact]
    public void Nodes_within_the_smaller_window_become_one_step()
    {
        var plan = Merged();

        // PCI D+3, D+7(±2), D+30; diabetes D+8(±3), D+90: D+7 and D+8 meet.
        Assert.Equal(["D+3", "D+7/D+8", "D+30", "D+90"], plan.Steps.Select(s => s.Label));
        var merged = plan.Steps[1];
        Assert.Equal(Discharge.AddDays(8), merged.DueFrom);   // the overlap of both windows
        Assert.Equal(Discharge.AddDays(9), merged.DueTo);
        Assert.Equal("102;201", merged.SourceNodeIds);
        Assert.Equal(2, plan.Pathways.Count);
    }

    [Fact]
    public void A_question_with_the_same_key_is_asked_once_and_stays_required_if_either_requires_it()
    {
        var step = Merged().Steps[1];

        Assert.Equal(["temperature", "medication", "glucose"], step.Questions.Select(q => q.Key));
        Assert.True(step.Questions.Single(q => q.Key == "medication").Required);
        Assert.Contains(Merged().MergeNotes, n => n.Contains("medication") && n.Contains("只问一次") && n.Contains("必答"));
    }

    [Fact]
    public void Every_trigger_is_kept_and_conflicting_thresholds_keep_the_more_sensitive_one_with_the_higher_severity()
    {
        var plan = Merged();
        var step = plan.Steps[1];

        var temperature = Assert.Single(step.Triggers, t => t.QuestionKey == "temperature");
        Assert.Equal("38.5", temperature.Value);
        Assert.Equal(TriggerSeverity.Critical, temperature.Severity);
        Assert.Single(step.Triggers, t => t.QuestionKey == "glucose");
        Assert.Contains(plan.MergeNotes, n => n.Contains("temperature") && n.Contains("更敏感") && n.Contains("不会漏报") && n.Contains("危急"));
    }

    [Fact]
    public void Identical_triggers_are_kept_once_and_the_note_says_so()
    {
        var a = WithIds(Pathway(1, 1, "a", "甲路径", "I10", Node("一周", 7, 2, [Question("pain", "疼吗")], [Trigger("pain", TriggerOperator.GreaterOrEqual, "7")])), 11);
        var b = WithIds(Pathway(1, 1, "b", "乙路径", "E11", Node("一周", 7, 2, [Question("pain", "疼吗")], [Trigger("pain", TriggerOperator.GreaterOrEqual, "7.0")])), 12);

        var plan = PlanBuilder.Build(Request(a, b), Now).Plan!;

        Assert.Single(Assert.Single(plan.Steps).Triggers);
        Assert.Contains(plan.MergeNotes, n => n.Contains("相同，各保留一条"));
    }

    [Fact]
    public void Different_triggers_on_the_same_answer_are_all_kept()
    {
        var a = WithIds(Pathway(1, 1, "a", "甲", "I10", Node("一周", 7, 2, [Question("wound", "伤口", AnswerKind.Choice, choices: "红;肿")],
            [Trigger("wound", TriggerOperator.Equals, "红")])), 11);
        var b = WithIds(Pathway(1, 1, "b", "乙", "E11", Node("一周", 7, 2, [Question("wound", "伤口", AnswerKind.Choice, choices: "肿;渗液")],
            [Trigger("wound", TriggerOperator.Equals, "渗液"), Trigger("wound", TriggerOperator.LessOrEqual, "2")])), 12);

        var step = Assert.Single(PlanBuilder.Build(Request(a, b), Now).Plan!.Steps);

        Assert.Equal(3, step.Triggers.Count);
        Assert.Equal("红;肿;渗液", Assert.Single(step.Questions).Choices);
    }

    [Fact]
    public void Lower_alarms_keep_the_higher_threshold()
    {
        var low = TestPathways.Trigger("spo2", TriggerOperator.LessOrEqual, "93");
        var lower = TestPathways.Trigger("spo2", TriggerOperator.Less, "90", TriggerSeverity.Critical);

        var kept = TriggerMerger.Resolve(low, lower);

        Assert.Equal("93", kept.Value);
        Assert.Equal(TriggerOperator.LessOrEqual, kept.Operator);
        Assert.Equal(TriggerSeverity.Critical, kept.Severity);
    }

    [Fact]
    public void The_merged_step_uses_the_richer_channel_combination()
    {
        var channels = Merged().Steps[1].Channels;

        // PCI D+7: AI call (1 redial) → manual; diabetes D+8: AI call (3 redials, 30 min) → questionnaire (24 h).
        Assert.Equal([ChannelKind.AiCall, ChannelKind.Questionnaire, ChannelKind.Manual], channels.Select(c => c.Kind));
        Assert.Equal(3, channels[0].Redials);
        Assert.Equal(30, channels[0].RedialIntervalMinutes);
        Assert.Equal(24, channels[1].FallbackAfterHours);
        Assert.Contains(Merged().MergeNotes, n => n.Contains("更周全"));
    }

    [Fact]
    public void Nodes_far_apart_stay_separate_steps_in_time_order_and_the_plan_explains_the_merge()
    {
        var plan = Merged();

        Assert.Equal(plan.Steps.OrderBy(s => s.DueFrom).Select(s => s.Label), plan.Steps.Select(s => s.Label));
        Assert.Contains("合并为一个计划", plan.MergeNotes[0]);
        Assert.Contains("7.2.3.2", plan.MergeNotes[0]);
    }
}

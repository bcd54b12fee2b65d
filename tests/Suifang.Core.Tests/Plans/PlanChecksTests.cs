using Suifang.Core.Pathways;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Testing;
using static Suifang.Core.Tests.Plans.PlanRequests;
using static Suifang.Testing.TestPathways;

namespace Suifang.Core.Tests.Plans;

/// 7.2.1.2 c: every plan is checked before it is saved; each finding is refused, merged, shifted or skipped with a
/// plain Chinese message.
public sealed class PlanChecksTests
{
    [Fact]
    public void A_second_plan_for_the_same_encounter_and_pathway_is_refused()
    {
        var patient = Patient() with { OpenPlans = new HashSet<(long?, string)> { (70, "pci") } };

        var build = PlanBuilder.Build(new PlanRequest(patient, Discharged(), [Pci()], new PlanOptions()), Now);

        Assert.True(build.Refused);
        Assert.Contains("已有进行中的“PCI 术后随访”随访计划，不重复创建", build.RefusalText);
        Assert.Contains("先在计划页取消原计划", build.RefusalText);
    }

    [Fact]
    public void A_patient_who_must_not_be_contacted_gets_no_plan()
    {
        var patient = Patient() with { DoNotContactReason = "家属告知患者已去世" };

        var build = PlanBuilder.Build(new PlanRequest(patient, Discharged(), [Pci()], new PlanOptions()), Now);

        Assert.Contains("不能联系（家属告知患者已去世）", build.RefusalText);
    }

    [Fact]
    public void Without_a_phone_only_manual_follow_up_remains_and_steps_without_it_are_skipped()
    {
        var build = PlanBuilder.Build(new PlanRequest(Patient(hasPhone: false), Discharged(), [Pci()], new PlanOptions()), Now);

        // D+3 and D+7 have a manual fallback; D+30 has only the AI call.
        Assert.Equal(["D+3", "D+7"], build.Plan!.Steps.Select(s => s.Label));
        Assert.All(build.Plan.Steps, s => Assert.Equal([ChannelKind.Manual], s.Channels.Select(c => c.Kind)));
        Assert.All(build.Tasks, t => Assert.Equal(ChannelKind.Manual, t.Channel));
        Assert.Contains(build.Issues, i => i.Kind == PlanIssueKind.Changed && i.Message.Contains("只保留人工随访"));
        Assert.Contains(build.Issues, i => i.Kind == PlanIssueKind.Skipped && i.Message.Contains("D+30") && i.Message.Contains("补充电话"));
    }

    [Fact]
    public void Without_a_phone_and_without_manual_follow_up_the_plan_is_refused()
    {
        var p = WithIds(Pathway(1, 1, "x", "仅电话", "I10", Node("一周", 7, 2)), 5);

        var build = PlanBuilder.Build(new PlanRequest(Patient(hasPhone: false), Discharged(), [p], new PlanOptions()), Now);

        Assert.True(build.Refused);
        Assert.Contains("没有可用的联系电话", build.RefusalText);
    }

    [Fact]
    public void Steps_entirely_in_the_past_are_skipped_with_a_note()
    {
        var longAgo = Now.AddDays(-31);

        var build = PlanBuilder.Build(new PlanRequest(Patient(), Discharged(longAgo), [Pci()], new PlanOptions()), Now);

        Assert.Equal(["D+30"], build.Plan!.Steps.Select(s => s.Label));   // D+30 ± 3 is still open
        Assert.Equal(2, build.Issues.Count(i => i.Kind == PlanIssueKind.Skipped && i.Message.Contains("已过")));
        Assert.Equal(Core.Tasks.TaskState.Due, Assert.Single(build.Tasks).State);
    }

    [Fact]
    public void A_plan_whose_every_step_has_passed_is_refused()
    {
        var build = PlanBuilder.Build(new PlanRequest(Patient(), Discharged(Now.AddDays(-60)), [Pci()], new PlanOptions()), Now);

        Assert.True(build.Refused);
        Assert.Contains("没有剩下可执行的随访步骤", build.RefusalText);
    }

    [Fact]
    public void Two_calls_on_the_same_day_in_one_plan_are_merged_into_one_step()
    {
        var p = WithIds(Pathway(1, 1, "x", "双节点", "I10",
            Node("上午电话", 7, 0, [Question("a", "问题甲")]), Node("下午电话", 7, 0, [Question("b", "问题乙")])), 6);

        var build = PlanBuilder.Build(Request(p), Now);

        var step = Assert.Single(build.Plan!.Steps);
        Assert.Equal(["a", "b"], step.Questions.Select(q => q.Key));
        Assert.Single(build.Tasks);
        Assert.Contains(build.Plan.MergeNotes, n => n.Contains("同一天") && n.Contains("合并为一次"));
    }

    [Fact]
    public void A_call_on_a_day_another_plan_already_calls_is_moved_to_the_next_free_day_of_its_window()
    {
        var patient = Patient() with { CallDays = new HashSet<DateOnly> { DateOnly.FromDateTime(Discharge.AddDays(3)) } };

        var build = PlanBuilder.Build(new PlanRequest(patient, Discharged(), [Pci()], new PlanOptions()), Now);

        Assert.Equal(Discharge.AddDays(4), build.Plan!.Steps[0].DueFrom);
        Assert.Equal(Discharge.AddDays(4), build.Tasks[0].NextAttemptAt);
        Assert.Contains(build.Issues, i => i.Kind == PlanIssueKind.Shifted && i.Message.Contains("已顺延到"));
    }

    [Fact]
    public void A_call_whose_whole_window_is_taken_by_other_plans_is_skipped()
    {
        var days = new HashSet<DateOnly> { DateOnly.FromDateTime(Discharge.AddDays(3)), DateOnly.FromDateTime(Discharge.AddDays(4)) };

        var build = PlanBuilder.Build(new PlanRequest(Patient() with { CallDays = days }, Discharged(), [Pci()], new PlanOptions()), Now);

        Assert.DoesNotContain(build.Plan!.Steps, s => s.Label == "D+3");
        Assert.Contains(build.Issues, i => i.Kind == PlanIssueKind.Skipped && i.Message.Contains("每天都已有其他计划的电话"));
    }

    [Fact]
    public void The_same_channel_twice_in_a_step_is_merged_so_no_duplicate_task_is_made()
    {
        var p = WithIds(Pathway(1, 1, "x", "重复通道", "I10", Node("一周", 7, 2, channels: [AiCall(1), AiCall(3), Manual()])), 7);

        var build = PlanBuilder.Build(Request(p), Now);

        var step = Assert.Single(build.Plan!.Steps);
        Assert.Equal([ChannelKind.AiCall, ChannelKind.Manual], step.Channels.Select(c => c.Kind));
        Assert.Equal(3, step.Channels[0].Redials);
        Assert.Contains(build.Issues, i => i.Kind == PlanIssueKind.Merged && i.Message.Contains("重复出现"));
    }

    [Fact]
    public void A_dependency_loop_is_found_and_explained()
    {
        Assert.Null(PlanChecks.FindCycle([null, 0, 1]));
        Assert.Equal([0, 2, 1], PlanChecks.FindCycle([2, 0, 1]));
        var drafts = new[] { "甲", "乙", "丙" }.Select(t => new StepDraft { Nodes = [], Title = t, Label = "D+1" }).ToList();

        var message = PlanChecks.CycleMessage([0, 2, 1], drafts);

        Assert.Contains("循环", message);
        Assert.Contains("D+1“甲” → D+1“丙” → D+1“乙”", message);
    }

    [Fact]
    public void A_pathway_without_nodes_or_no_pathway_at_all_is_refused_with_what_to_do()
    {
        var empty = WithIds(Pathway(1, 1, "x", "空路径", "I10"), 8);

        Assert.Contains("请先在路径编辑器中添加节点", PlanBuilder.Build(Request(empty), Now).RefusalText);
        Assert.Contains("没有可用的随访路径", PlanBuilder.Build(Request(), Now).RefusalText);
    }
}

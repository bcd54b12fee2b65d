using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Plans;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Tasks;
using Suifang.Testing;
using static Suifang.Core.Tests.Plans.PlanRequests;

namespace Suifang.Core.Tests.Plans;

/// 5.1.3 plan steps from a pathway and an encounter's anchor; 7.2.1.1 sub-goals in time order.
public sealed class PlanBuilderTests
{
    [Fact]
    public void Steps_count_from_the_discharge_with_their_window_and_the_first_step_gets_its_first_channel_task()
    {
        var build = PlanBuilder.Build(Request(Pci()), Now);

        var plan = Assert.IsType<FollowUpPlan>(build.Plan);
        Assert.Equal(["D+3", "D+7", "D+30"], plan.Steps.Select(s => s.Label));
        Assert.Equal(Discharge.AddDays(3), plan.Steps[0].DueFrom);
        Assert.Equal(Discharge.AddDays(4), plan.Steps[0].DueTo);
        Assert.Equal(Discharge.AddDays(9), plan.Steps[1].DueTo);
        Assert.Equal([1, 2, 3], plan.Steps.Select(s => s.Order));
        // D+3 is four days away (beyond StepTasks.Horizon) but is the first step and the first call: its task is made now,
        // so the pre-call notice can go before it; D+7 and D+30 get theirs when they come near (UpcomingSteps).
        var task = Assert.Single(build.Tasks);
        Assert.Same(plan.Steps[0], task.Step);
        Assert.Equal(0, task.ChannelIndex);
        Assert.Equal(ChannelKind.AiCall, task.Channel);
        Assert.Equal(plan.Steps[0].DueFrom, task.NextAttemptAt);
        Assert.Equal(TaskState.Pending, task.State);
        Assert.Equal(3, task.MaxAttempts);   // 1 + two redials
        Assert.All(plan.Steps, s => Assert.Equal(ChannelKind.AiCall, s.FirstChannel));
        Assert.Equal(PlanStatus.Active, plan.Status);
        Assert.Equal(Discharge, plan.AnchorTime);
    }

    [Fact]
    public void Every_step_due_within_the_horizon_gets_its_task_when_the_plan_is_made_and_later_steps_do_not()
    {
        // Discharged ten days ago: D+3 has passed (window closed, skipped), D+7's window is open (task due now),
        // D+30 is twenty days away.
        var build = PlanBuilder.Build(new PlanRequest(Patient(), Discharged(Now.AddDays(-8)), [Pci()], new PlanOptions()), Now);

        var plan = Assert.IsType<FollowUpPlan>(build.Plan);
        Assert.Equal(["D+7", "D+30"], plan.Steps.Select(s => s.Label));
        Assert.Equal([plan.Steps[0]], build.Tasks.Select(t => t.Step));
        Assert.Equal(TaskState.Due, build.Tasks[0].State);
        Assert.True(StepTasks.IsNear(Now.AddDays(2), Now));
        Assert.False(StepTasks.IsNear(plan.Steps[1].DueFrom, Now));
    }

    [Fact]
    public void A_step_of_one_unchanged_node_refers_to_the_node_and_a_merged_step_has_its_own_content()
    {
        var pci = Pci();
        var plan = PlanBuilder.Build(Request(pci, Diabetes()), Now).Plan!;

        var single = plan.Steps.Where(s => s.SourceNodeIds.Split(';').Length == 1).ToList();
        var merged = plan.Steps.Where(s => s.SourceNodeIds.Contains(';')).ToList();
        Assert.NotEmpty(single);
        Assert.NotEmpty(merged);
        Assert.All(single, s => Assert.Equal(int.Parse(s.SourceNodeIds, System.Globalization.CultureInfo.InvariantCulture), s.NodeId));
        Assert.All(single, s => Assert.Same(s.Node!.Questions, s.Content.Questions));
        Assert.All(merged, s => Assert.Null(s.NodeId));
        Assert.All(merged, s => Assert.Same(s.Questions, s.Content.Questions));
    }

    [Fact]
    public void Visit_anchored_nodes_count_from_the_visit_time()
    {
        var visit = new DateTime(2026, 12, 2, 8, 30, 0);
        var p = WithIds(TestPathways.Pathway(1, 1, "htn", "高血压", "I10", TestPathways.Node("复诊提醒", 14, 2, anchor: AnchorEvent.Visit)), 3);
        var request = new PlanRequest(Patient(), new PlanEncounter(71, 1, 1, VisitType.Outpatient, visit, null), [p], new PlanOptions());

        var step = Assert.Single(PlanBuilder.Build(request, Now).Plan!.Steps);

        Assert.Equal(visit.AddDays(14), step.DueFrom);
        Assert.Equal(visit.AddDays(16), step.DueTo);
    }

    [Fact]
    public void Surgery_anchored_nodes_fall_back_to_the_discharge_and_the_plan_says_so()
    {
        var p = WithIds(TestPathways.Pathway(1, 1, "tka", "膝关节置换", "M17", TestPathways.Node("术后2周", 14, 3, anchor: AnchorEvent.Surgery)), 4);

        var plan = PlanBuilder.Build(Request(p), Now).Plan!;

        Assert.Equal(Discharge.AddDays(14), plan.Steps[0].DueFrom);
        Assert.Contains(plan.MergeNotes, n => n.Contains("没有手术时间") && n.Contains("出院时间"));
    }

    [Fact]
    public void A_patient_still_in_hospital_gets_no_discharge_plan_and_is_told_why()
    {
        var inpatient = new PlanEncounter(72, 1, 1, VisitType.Inpatient, Now.AddDays(-2), null);

        var build = PlanBuilder.Build(new PlanRequest(Patient(), inpatient, [Pci()], new PlanOptions()), Now);

        Assert.True(build.Refused);
        Assert.Contains("尚未出院", build.RefusalText);
    }

    [Fact]
    public void A_plan_sent_at_a_set_time_waits_for_it_and_is_scheduled()
    {
        var startAt = Discharge.AddDays(5);
        var build = PlanBuilder.Build(Request(Pci()) with { Options = new PlanOptions { StartAt = startAt } }, Now);

        Assert.Equal(PlanStatus.Scheduled, build.Plan!.Status);
        // D+3's window (to D+4) has closed by the start: skipped; D+7 starts at its own time, after the start.
        Assert.Equal(["D+7", "D+30"], build.Plan.Steps.Select(s => s.Label));
        Assert.Contains(build.Issues, i => i.Kind == PlanIssueKind.Skipped && i.Message.Contains("D+3"));
        Assert.Equal(Discharge.AddDays(7), build.Tasks[0].NextAttemptAt);
    }

    [Fact]
    public void A_start_inside_a_window_delays_the_task_to_the_start()
    {
        var startAt = Discharge.AddDays(3).AddHours(5);
        var build = PlanBuilder.Build(Request(Pci()) with { Options = new PlanOptions { StartAt = startAt } }, Now);

        Assert.Equal(startAt, build.Tasks[0].NextAttemptAt);
    }

    [Fact]
    public void Plan_options_override_redials_and_removed_or_shifted_steps_are_applied_with_notes()
    {
        var options = new PlanOptions { Redials = 5, RedialIntervalMinutes = 15, RemovedSteps = new HashSet<int> { 2 }, ShiftDays = new Dictionary<int, int> { [3] = 2 } };

        var build = PlanBuilder.Build(Request(Pci()) with { Options = options }, Now);

        Assert.Equal(["D+3", "D+30"], build.Plan!.Steps.Select(s => s.Label));
        Assert.Equal(Discharge.AddDays(32), build.Plan.Steps[1].DueFrom);
        Assert.All(build.Tasks, t => Assert.Equal(6, t.MaxAttempts));
        Assert.All(build.Tasks, t => Assert.Equal(15, t.RetryIntervalMinutes));
        Assert.Contains(build.Plan.MergeNotes, n => n.Contains("去掉了第 2 步"));
        Assert.Contains(build.Plan.MergeNotes, n => n.Contains("推后 2 天"));
    }

    [Fact]
    public void Sms_off_removes_the_sms_channels()
    {
        var build = PlanBuilder.Build(Request(Pci()) with { Options = new PlanOptions { SmsEnabled = false } }, Now);

        Assert.DoesNotContain(build.Plan!.Steps.SelectMany(s => s.Channels), c => c.Kind is ChannelKind.Sms or ChannelKind.Questionnaire);
        Assert.Contains(build.Plan.MergeNotes, n => n.Contains("关闭了短信"));
    }
}

using Suifang.Core.Contact;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;

namespace Suifang.Core.Tests.Contact;

/// 7.2.2 "an SMS notice before the first call (which number will call, and why)".
public sealed class ContactNoticesTests
{
    private static readonly DateTime Monday = Schedules.Monday;

    private static (FollowUpPlan Plan, FollowUpTask Call) FirstCall(DateTime callAt, DateTime now)
    {
        var step = new PlanStep { Id = 7, Title = "术后第3天伤口随访", Label = "D+3", DueFrom = callAt, DueTo = callAt.AddDays(2), Channels = [new ChannelStep { Kind = ChannelKind.AiCall }] };
        var plan = new FollowUpPlan { HospitalId = 1, CampusId = 1, PatientId = 9, DepartmentId = 3, Steps = [step] };
        return (plan, StepTasks.Create(plan, step, 0, callAt, now));
    }

    [Fact]
    public void A_notice_that_falls_in_the_sms_quiet_hours_goes_out_in_the_morning_and_the_call_waits_the_lead_time_after_it()
    {
        var settings = Schedules.Settings();
        (settings.PreCallNoticeHours, settings.CallerNumber) = (2, "0571-87654321");
        var notices = new ContactNotices(ContactPolicy.From(settings, []), "第一人民医院", new Dictionary<int, string> { [3] = "普外科" });
        var (plan, call) = FirstCall(Monday.At("22:30"), Monday.At("22:00"));

        var notice = notices.NoticeTaskFor(plan, call, Monday.At("22:00"))!;

        Assert.Equal(Monday.AddDays(1).At("08:00"), notice.NextAttemptAt);
        Assert.Equal(TaskState.Pending, notice.State);
        Assert.Equal(Monday.AddDays(1).At("10:00"), call.NextAttemptAt);
        Assert.Equal(ContactNotices.KeyFor(call.IdempotencyKey), notice.IdempotencyKey);
        Assert.Null(notice.PlanStepId);
        Assert.Equal("【第一人民医院】您好！普外科将于12月1日起用号码 0571-87654321 给您来电，进行“术后第3天伤口随访”，了解您的恢复情况，约需 3 分钟，请留意接听。如不方便接听，我们会另约时间。", notice.Message);
    }

    [Fact]
    public void A_call_planned_far_ahead_gets_its_notice_the_lead_time_before_and_keeps_its_time()
    {
        var notices = new ContactNotices(ContactPolicy.From(Schedules.Settings(), []), "医院", new Dictionary<int, string>());
        var (plan, call) = FirstCall(Monday.AddDays(3).At("10:00"), Monday.At("09:00"));

        var notice = notices.NoticeTaskFor(plan, call, Monday.At("09:00"))!;

        Assert.Equal(Monday.AddDays(3).At("08:00"), notice.NextAttemptAt);
        Assert.Equal(Monday.AddDays(3).At("10:00"), call.NextAttemptAt);
        Assert.Contains("本院随访电话", notice.Message);
    }

    [Fact]
    public void No_notice_when_notices_are_off_or_the_first_task_is_not_a_call()
    {
        var settings = Schedules.Settings();
        settings.PreCallNoticeEnabled = false;
        var (plan, call) = FirstCall(Monday.At("10:00"), Monday.At("09:00"));
        Assert.Null(new ContactNotices(ContactPolicy.From(settings, []), "医院", new Dictionary<int, string>()).NoticeTaskFor(plan, call, Monday.At("09:00")));
        call.Channel = ChannelKind.Sms;
        Assert.Null(new ContactNotices(ContactPolicy.From(Schedules.Settings(), []), "医院", new Dictionary<int, string>()).NoticeTaskFor(plan, call, Monday.At("09:00")));
    }
}

using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.Core.Tests.Contact;

/// The gate on a real database (both providers), with the default rules: Mon–Fri 09:00–11:30 and 14:00–20:00,
/// at most 2 contacts a day, no repeat call within 3 days.
public sealed class ContactGateTests
{
    private static readonly DateTime Monday = ContactWorld.Monday;

    [Theory, ClassData(typeof(Providers))]
    public async Task Outside_calling_hours_a_call_is_postponed_to_the_next_period_and_an_sms_waits_for_its_own_quiet_hours(DatabaseProvider provider)
    {
        await using var w = await ContactWorld.CreateAsync(provider);
        var patient = await w.PatientAsync("王芳");
        var call = await w.TaskAsync(patient, ChannelKind.AiCall);
        var sms = await w.TaskAsync(patient, ChannelKind.Sms);

        Assert.Equal(Monday.At("14:00"), Assert.IsType<ContactDecision.Postpone>(await w.CheckAsync(call, Monday.At("12:10"))).Until);
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(sms, Monday.At("12:10")));
        Assert.Equal(Monday.AddDays(1).At("08:00"), Assert.IsType<ContactDecision.Postpone>(await w.CheckAsync(sms, Monday.At("21:30"))).Until);
        // Thursday 2026-12-31 evening: Friday 2027-01-01 is a seeded holiday, Saturday has morning hours.
        var newYear = Assert.IsType<ContactDecision.Postpone>(await w.CheckAsync(call, new DateTime(2026, 12, 31, 20, 30, 0)));
        Assert.Equal(new DateTime(2027, 1, 2, 9, 0, 0), newYear.Until);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_reached_call_blocks_other_calls_for_three_days_but_not_the_same_steps_redial(DatabaseProvider provider)
    {
        await using var w = await ContactWorld.CreateAsync(provider);
        var patient = await w.PatientAsync("李强");
        var (plan, step) = await w.PlanAsync(patient);
        await w.TaskAsync(patient, ChannelKind.AiCall, TaskState.Completed, plan.Id, step.Id, null, Monday.AddDays(-1).At("15:20"));
        var otherStep = await w.TaskAsync(patient, ChannelKind.AiCall);
        var sameStep = await w.TaskAsync(patient, ChannelKind.Manual, TaskState.Due, plan.Id, step.Id);

        var postponed = Assert.IsType<ContactDecision.Postpone>(await w.CheckAsync(otherStep, Monday.At("10:00")));
        Assert.Equal(Monday.AddDays(2).At("09:00"), postponed.Until);
        Assert.Contains("3 天内已接通过", postponed.Reason);
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(sameStep, Monday.At("10:00")));
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(await w.TaskAsync(patient, ChannelKind.Sms), Monday.At("10:00")));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_daily_cap_counts_followups_across_channels_and_a_redial_is_not_a_new_contact(DatabaseProvider provider)
    {
        await using var w = await ContactWorld.CreateAsync(provider);
        var patient = await w.PatientAsync("赵雷");
        await w.TaskAsync(patient, ChannelKind.Sms, TaskState.Completed, attempts: Monday.At("08:30"));
        var redial = await w.TaskAsync(patient, ChannelKind.AiCall, TaskState.Due, attempts: Monday.At("09:05"));
        await w.TaskAsync(patient, ChannelKind.AiCall, TaskState.Unreached, attempts: Monday.AddDays(-1).At("10:00"));
        var third = await w.TaskAsync(patient, ChannelKind.AiCall);

        var capped = Assert.IsType<ContactDecision.Postpone>(await w.CheckAsync(third, Monday.At("10:30")));
        Assert.Equal(Monday.AddDays(1).At("09:00"), capped.Until);
        Assert.Contains("每日上限 2 次", capped.Reason);
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(redial, Monday.At("10:30")));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_best_hour_postpones_a_due_call_only_within_today_calling_hours_and_due_window(DatabaseProvider provider)
    {
        await using var w = await ContactWorld.CreateAsync(provider);
        var patient = await w.PatientAsync("孙梅");
        await w.TaskAsync(patient, ChannelKind.AiCall, TaskState.Completed, attempts: [Monday.AddDays(-14).At("16:40")]);
        await w.TaskAsync(patient, ChannelKind.AiCall, TaskState.Completed, attempts: [Monday.AddDays(-20).At("09:10"), Monday.AddDays(-20).At("16:05")]);
        var late = await w.TaskAsync(patient, ChannelKind.AiCall, dueTo: Monday.At("23:00"));
        var early = await w.TaskAsync(patient, ChannelKind.AiCall, dueTo: Monday.At("15:30"));

        var best = Assert.IsType<ContactDecision.Postpone>(await w.CheckAsync(late, Monday.At("09:30")));
        Assert.Equal(Monday.At("16:00"), best.Until);
        Assert.Contains("16:00–17:00", best.Reason);
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(late, Monday.At("16:00")));
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(early, Monday.At("09:30")));
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(late, Monday.At("17:10")));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_first_call_waits_for_its_sms_notice_and_then_for_the_lead_time(DatabaseProvider provider)
    {
        await using var w = await ContactWorld.CreateAsync(provider);
        var patient = await w.PatientAsync("周平");
        var (plan, step) = await w.PlanAsync(patient);
        var call = StepTasks.Create(plan, step, 0, Monday.At("10:00"), Monday.At("10:00"));
        await using (var db = w.H.Database.NewContext())
        {
            var notices = await ContactNotices.ForHospitalAsync(db, w.H.Hospital.Id, CancellationToken.None);
            var notice = notices.NoticeTaskFor(plan, call, Monday.At("10:00"))!;
            Assert.Equal((ChannelKind.Sms, TaskQueues.Sms, Monday.At("10:00")), (notice.Channel, notice.Queue, notice.NextAttemptAt));
            Assert.Equal(Monday.At("12:00"), call.NextAttemptAt);
            Assert.Contains("出院后第7天随访", notice.Message);
            Assert.Contains("心血管内科", notice.Message);
            (call.Plan, call.Step, notice.Plan) = (null, null, null);
            (call.PlanId, call.PlanStepId, notice.PlanId) = (plan.Id, step.Id, plan.Id);
            db.Tasks.AddRange(call, notice);
            await db.SaveChangesAsync();
        }

        var waiting = Assert.IsType<ContactDecision.Postpone>(await w.CheckAsync(call, Monday.At("14:00")));
        Assert.Contains("短信告知尚未发出", waiting.Reason);
        Assert.Equal(Monday.At("16:00"), waiting.Until);
        await using (var db = w.H.Database.NewContext())
        {
            var notice = db.Tasks.Single(t => t.IdempotencyKey == ContactNotices.KeyFor(call.IdempotencyKey));
            notice.State = TaskState.Completed;
            notice.FinishedAt = Monday.At("14:30");
            notice.AttemptLog.Add(new TaskAttempt { Number = 1, StartedAt = Monday.At("14:30"), EffectKey = "notice-effect" });
            await db.SaveChangesAsync();
        }
        Assert.Equal(Monday.At("16:30"), Assert.IsType<ContactDecision.Postpone>(await w.CheckAsync(call, Monday.At("15:00"))).Until);
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(call, Monday.At("16:30")));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Saved_settings_and_holidays_reach_the_gate_at_once(DatabaseProvider provider)
    {
        await using var w = await ContactWorld.CreateAsync(provider);
        var patient = await w.PatientAsync("吴静");
        var call = await w.TaskAsync(patient, ChannelKind.AiCall);
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(call, Monday.At("10:00")));

        await using (var db = w.H.Database.NewContext())
        {
            var view = await ContactSettingsEditor.LoadAsync(db, w.H.Hospital.Id);
            var hours = view.Settings.CallingHours.ToList();
            hours[0] = "10:30-11:00";
            var (_, errors) = await ContactSettingsEditor.SaveAsync(db, w.H.Admin(), view.Settings with { CallingHours = hours }, Monday);
            Assert.Empty(errors);
        }
        Assert.Equal(Monday.At("10:30"), Assert.IsType<ContactDecision.Postpone>(await w.CheckAsync(call, Monday.At("10:00"))).Until);

        await using (var db = w.H.Database.NewContext())
        {
            Assert.Empty(await ContactSettingsEditor.AddHolidayAsync(db, w.H.Admin(), DateOnly.FromDateTime(Monday), "院庆日", Monday));
            Assert.Contains("已经是节假日", Assert.Single(await ContactSettingsEditor.AddHolidayAsync(db, w.H.Admin(), DateOnly.FromDateTime(Monday), "院庆日", Monday)));
            Assert.Equal(47, (await ContactSettingsEditor.LoadAsync(db, w.H.Hospital.Id)).Holidays.Count);
            Assert.Contains(db.AuditLog, a => a.EntityType == "ContactSettings" && a.Summary.Contains("院庆日"));
        }
        Assert.Equal(Monday.AddDays(1).At("09:00"), Assert.IsType<ContactDecision.Postpone>(await w.CheckAsync(call, Monday.At("10:40"))).Until);
    }
}

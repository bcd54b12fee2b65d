using Microsoft.EntityFrameworkCore;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.Core.Tests.Contact;

/// 7.2.2: a do-not-call list honoured everywhere; consent to follow-up recorded and honoured.
public sealed class DoNotCallAndConsentTests
{
    private static readonly DateTime Monday = ContactWorld.Monday;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_number_on_the_do_not_call_list_stops_every_patient_who_shares_it(DatabaseProvider provider)
    {
        await using var w = await ContactWorld.CreateAsync(provider);
        var mother = await w.PatientAsync("陈母", "13900001111");
        var son = await w.PatientAsync("陈子", "13900001111");
        var neighbour = await w.PatientAsync("邻居", "13900002222");
        var motherCall = await w.TaskAsync(mother, ChannelKind.AiCall);
        var sonSms = await w.TaskAsync(son, ChannelKind.Sms, TaskState.Pending);
        var sonLeased = await w.TaskAsync(son, ChannelKind.AiCall, TaskState.Leased);
        var neighbourCall = await w.TaskAsync(neighbour, ChannelKind.AiCall);

        await using (var db = w.H.Database.NewContext())
        {
            var added = await DoNotContactList.AddNumberAsync(db, w.H.Protector, w.H.Nurse(w.H.Cardiology.Id), "139-0000-1111", "家属来电要求不再打扰", Monday.At("10:00"));
            Assert.True(added.Succeeded, added.Error);
            Assert.Equal(2, added.CancelledTasks);
            Assert.Contains("已经在免打扰名单", (await DoNotContactList.AddNumberAsync(db, w.H.Protector, w.H.Nurse(w.H.Cardiology.Id), "13900001111", "再次", Monday)).Error);
            var stored = await db.DoNotContacts.SingleAsync();
            Assert.Equal("139****1111", stored.PhoneMasked);
            Assert.DoesNotContain("13900001111", stored.PhoneIndex + stored.PhoneMasked + stored.Reason);
        }

        await using (var db = w.H.Database.NewContext())
        {
            var states = await db.Tasks.ToDictionaryAsync(t => t.Id, t => t.State);
            Assert.Equal(TaskState.Cancelled, states[motherCall.Id]);
            Assert.Equal(TaskState.Cancelled, states[sonSms.Id]);
            Assert.Equal(TaskState.Leased, states[sonLeased.Id]);
            Assert.Equal(TaskState.Due, states[neighbourCall.Id]);
            Assert.Contains(db.AuditLog, a => a.EntityType == "DoNotContact" && a.Summary.Contains("139****1111") && a.Summary.Contains("取消未执行的任务 2 个"));
        }
        Assert.Contains("免打扰名单", Assert.IsType<ContactDecision.Refuse>(await w.CheckAsync(sonLeased, Monday.At("10:05"))).Reason);
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(neighbourCall, Monday.At("10:05")));

        await using (var db = w.H.Database.NewContext())
        {
            var id = (await db.DoNotContacts.SingleAsync()).Id;
            Assert.Contains("请填写原因", (await DoNotContactList.RemoveAsync(db, w.H.Nurse(w.H.Cardiology.Id), id, " ", Monday)).Error);
            Assert.Contains("只能查看", (await DoNotContactList.RemoveAsync(db, w.H.Supervisor(), id, "误加", Monday)).Error);
            Assert.True((await DoNotContactList.RemoveAsync(db, w.H.Nurse(w.H.Cardiology.Id), id, "误加", Monday)).Succeeded);
        }
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(sonLeased, Monday.At("10:05")));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Adding_a_patient_cancels_their_open_tasks_and_is_limited_to_the_staff_members_departments(DatabaseProvider provider)
    {
        await using var w = await ContactWorld.CreateAsync(provider);
        var patient = await w.PatientAsync("郑和");
        var call = await w.TaskAsync(patient, ChannelKind.AiCall);
        var done = await w.TaskAsync(patient, ChannelKind.Sms, TaskState.Completed, attempts: Monday.AddDays(-1));
        await using var db = w.H.Database.NewContext();

        Assert.True((await DoNotContactList.AddPatientAsync(db, w.H.Nurse(w.H.Neurology.Id), patient.Id, "本人要求", Monday)).Forbidden);
        var added = await DoNotContactList.AddPatientAsync(db, w.H.Nurse(w.H.Cardiology.Id), patient.Id, "本人要求", Monday);
        Assert.Equal(1, added.CancelledTasks);

        await using var check = w.H.Database.NewContext();
        Assert.Equal(TaskState.Cancelled, (await check.Tasks.SingleAsync(t => t.Id == call.Id)).State);
        Assert.Equal(TaskState.Completed, (await check.Tasks.SingleAsync(t => t.Id == done.Id)).State);
        Assert.StartsWith("已加入免打扰名单", (await check.Tasks.SingleAsync(t => t.Id == call.Id)).Outcome);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Withdrawing_consent_cancels_open_tasks_stops_active_plans_and_is_audited(DatabaseProvider provider)
    {
        await using var w = await ContactWorld.CreateAsync(provider);
        var patient = await w.PatientAsync("冯晓");
        var (plan, step) = await w.PlanAsync(patient);
        var call = await w.TaskAsync(patient, ChannelKind.AiCall, TaskState.Due, plan.Id, step.Id);
        var nurse = w.H.Nurse(w.H.Cardiology.Id);
        await using (var db = w.H.Database.NewContext())
        {
            var given = await FollowUpConsents.RecordAsync(db, nurse, patient.Id, new ConsentInput(ConsentDecision.Given, ConsentMethod.Paper, Monday.AddDays(-10), "出院时签字"), Monday);
            Assert.True(given.Succeeded, given.Error);
            Assert.Contains("无需重复登记", (await FollowUpConsents.RecordAsync(db, nurse, patient.Id, new ConsentInput(ConsentDecision.Given, ConsentMethod.Phone, null, null), Monday)).Error);
            Assert.Contains("不能晚于现在", (await FollowUpConsents.RecordAsync(db, nurse, patient.Id, new ConsentInput(ConsentDecision.Withdrawn, ConsentMethod.Phone, Monday.AddDays(1), null), Monday)).Error);
        }
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(call, Monday.At("10:00")));

        await using (var db = w.H.Database.NewContext())
        {
            var withdrawn = await FollowUpConsents.RecordAsync(db, nurse, patient.Id, new ConsentInput(ConsentDecision.Withdrawn, ConsentMethod.Phone, Monday.At("09:40"), "电话中表示不再需要随访"), Monday.At("09:45"));
            Assert.Equal((1, 1), (withdrawn.CancelledTasks, withdrawn.StoppedPlans));
        }

        await using (var db = w.H.Database.NewContext())
        {
            var stopped = await db.Plans.SingleAsync();
            Assert.Equal(PlanStatus.Stopped, stopped.Status);
            Assert.Contains("撤回随访知情同意", stopped.ClosedReason);
            Assert.Equal(TaskState.Cancelled, (await db.Tasks.SingleAsync()).State);
            var audit = await db.AuditLog.Where(a => a.EntityType == "FollowUpConsent").OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(2, audit.Count);
            Assert.Contains("取消任务 1 个，停止计划 1 个", audit[1].Summary);
            var view = (await FollowUpConsents.ViewAsync(db, nurse, patient.Id)).Value!;
            Assert.Equal(ConsentState.Withdrawn, view.State);
            Assert.Equal([ConsentDecision.Withdrawn, ConsentDecision.Given], view.History.Select(h => h.Decision));
        }
        var fallback = await w.TaskAsync(patient, ChannelKind.Manual, TaskState.Due, plan.Id, step.Id);
        Assert.Contains("撤回随访知情同意", Assert.IsType<ContactDecision.Refuse>(await w.CheckAsync(fallback, Monday.At("10:00"))).Reason);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Where_consent_is_required_only_a_nurses_call_may_reach_a_patient_without_it(DatabaseProvider provider)
    {
        await using var w = await ContactWorld.CreateAsync(provider);
        var patient = await w.PatientAsync("蒋勤");
        var ai = await w.TaskAsync(patient, ChannelKind.AiCall);
        var manual = await w.TaskAsync(patient, ChannelKind.Manual);
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(ai, Monday.At("10:00")));
        await using (var db = w.H.Database.NewContext())
        {
            var view = await ContactSettingsEditor.LoadAsync(db, w.H.Hospital.Id);
            Assert.Empty((await ContactSettingsEditor.SaveAsync(db, w.H.Admin(), view.Settings with { ConsentRequired = true }, Monday)).Errors);
        }

        Assert.Contains("尚未登记", Assert.IsType<ContactDecision.Refuse>(await w.CheckAsync(ai, Monday.At("10:00"))).Reason);
        Assert.IsType<ContactDecision.Allowed>(await w.CheckAsync(manual, Monday.At("10:00")));
    }
}

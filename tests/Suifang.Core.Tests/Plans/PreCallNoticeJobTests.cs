using Microsoft.EntityFrameworkCore;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Plans;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Plans.CancelPlan;
using Suifang.Core.Plans.CreatePlans;
using Suifang.Core.Plans.Upcoming;
using Suifang.Core.Tasks;
using Suifang.Testing;
using static Suifang.Core.Tests.Plans.PlanStorageTests;

namespace Suifang.Core.Tests.Plans;

/// Issue #3 "Reach" (7.2.2): the SMS notice before a plan's first call. A plan schedules its first call the lead time
/// (2 h by default) after the notice; a notice that goes out later than PreCallNotices.Lookahead is written by the hourly
/// plan job shortly before it goes out (PreCallNotices), once, and the gate holds the call until then.
public sealed class PreCallNoticeJobTests
{
    private static async Task<(Patient Patient, long PlanId)> PlanAsync(TestHospital hospital, Pathway pathway, DateTime discharge, DateTime now)
    {
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(discharge, hospital.Cardiology.Id)))[0];
        await using var db = hospital.Database.NewContext();
        var result = await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id),
            new CreatePlansCommand([patient.Encounters[0].Id], [pathway.Id], new PlanOptions()), now, default);
        return (patient, result.Value!.Outcomes[0].PlanId!.Value);
    }

    private static Task<FollowUpTask> FirstCallAsync(SuifangDbContext db, long planId) =>
        db.Tasks.AsNoTracking().Include(t => t.Step).SingleAsync(t => t.PlanId == planId && t.PlanStepId != null && t.ChannelIndex == 0);

    private static Task<List<FollowUpTask>> NoticesAsync(SuifangDbContext db, long planId) =>
        db.Tasks.AsNoTracking().Where(t => t.PlanId == planId && t.IdempotencyKey.StartsWith(ContactNotices.KeyPrefix)).ToListAsync();

    private static async Task<int> JobAsync(TestHospital hospital, DateTime now)
    {
        await using var db = hospital.Database.NewContext();
        db.Actor = Core.Audit.AuditActor.System("test");
        await UpcomingSteps.CreateTasksAsync(db, now, default);
        return await db.Tasks.CountAsync(t => t.IdempotencyKey.StartsWith(ContactNotices.KeyPrefix));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_later_notice_is_written_by_the_plan_job_once_before_the_first_call_which_waits_for_it_until_then(DatabaseProvider provider)
    {
        var (hospital, pathways) = await SetUpAsync(provider);
        await using var _h = hospital;
        var (_, planId) = await PlanAsync(hospital, pathways[0], Discharge, Now);

        FollowUpTask call;
        await using (var db = hospital.Database.NewContext())
        {
            call = await FirstCallAsync(db, planId);
            Assert.Empty(await NoticesAsync(db, planId));
            // The call keeps the time it had with the notice written at once: the lead time after the notice's send moment.
            Assert.Equal(call.NextAttemptAt.AddHours(-2), call.NoticeAt);
            // Had the job not run by then, the gate holds the call: its notice has not gone out.
            var held = Assert.IsType<ContactDecision.Postpone>(await new ContactRulesGate(new ContactPolicies()).CheckAsync(db, call, call.NextAttemptAt, default));
            Assert.Contains("短信告知尚未发出", held.Reason);
            Assert.True(held.Until >= call.NextAttemptAt.AddHours(2));
        }
        var sendAt = call.NoticeAt!.Value;

        Assert.Equal(0, await JobAsync(hospital, Now));   // days ahead: not yet
        Assert.Equal(0, await JobAsync(hospital, sendAt - PreCallNotices.Lookahead - TimeSpan.FromMinutes(1)));
        // Three runs at once, then a later one: one notice.
        async Task<int> RunAsync()
        {
            await using var own = hospital.Database.NewContext();
            own.Actor = Core.Audit.AuditActor.System("test");
            return await PreCallNotices.WriteDueAsync(own, sendAt.AddHours(-2), default);
        }
        Assert.Equal(1, (await Task.WhenAll(RunAsync(), RunAsync(), RunAsync())).Sum());
        Assert.Equal(1, await JobAsync(hospital, sendAt));

        await using (var db = hospital.Database.NewContext())
        {
            var notice = Assert.Single(await NoticesAsync(db, planId));
            Assert.Equal((ChannelKind.Sms, TaskQueues.Sms, TaskState.Pending, sendAt), (notice.Channel, notice.Queue, notice.State, notice.NextAttemptAt));
            Assert.Equal(ContactNotices.KeyFor(call.IdempotencyKey), notice.IdempotencyKey);
            Assert.Contains(call.Step!.Title, notice.Message);
            var after = await FirstCallAsync(db, planId);
            Assert.Null(after.NoticeAt);
            Assert.Equal(call.NextAttemptAt, after.NextAttemptAt);
            Assert.True(notice.NextAttemptAt.AddHours(2) <= after.NextAttemptAt);
        }
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_first_call_within_minutes_gets_its_notice_with_the_plan_and_waits_the_lead_time_after_it(DatabaseProvider provider)
    {
        var (hospital, pathways) = await SetUpAsync(provider);
        await using var _h = hospital;
        // Discharged three days ago: the D+3 call is due now.
        var (_, planId) = await PlanAsync(hospital, pathways[0], Now.AddDays(-3).AddHours(-1), Now);

        await using var db = hospital.Database.NewContext();
        var notice = Assert.Single(await NoticesAsync(db, planId));
        var call = await FirstCallAsync(db, planId);
        Assert.Equal((TaskState.Due, Now), (notice.State, notice.NextAttemptAt));
        Assert.Null(call.NoticeAt);
        Assert.True(call.NextAttemptAt >= Now.AddHours(2));
        Assert.Equal(1, await JobAsync(hospital, Now.AddMinutes(5)));   // the job adds none
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task No_notice_for_a_cancelled_plan_a_patient_who_unsubscribed_or_one_who_withdrew_consent(DatabaseProvider provider)
    {
        var (hospital, pathways) = await SetUpAsync(provider);
        await using var _h = hospital;
        var (_, cancelled) = await PlanAsync(hospital, pathways[0], Discharge, Now);
        var (unsubscribed, optedOut) = await PlanAsync(hospital, pathways[0], Discharge, Now);
        var (withdrew, noConsent) = await PlanAsync(hospital, pathways[0], Discharge, Now);
        var (_, normal) = await PlanAsync(hospital, pathways[0], Discharge, Now);
        DateTime sendAt;
        await using (var db = hospital.Database.NewContext())
        {
            sendAt = (await FirstCallAsync(db, normal)).NoticeAt!.Value;
            var cancel = await CancelPlan.RunAsync(db, hospital.Nurse(hospital.Cardiology.Id), new CancelPlanCommand(cancelled, "患者已转院"), Now, default);
            Assert.True(cancel.Value!.Ok);
            db.Actor = Core.Audit.AuditActor.System("test");
            // 短信退订 (SMS only: the call may still go) and a withdrawn consent.
            db.DoNotContacts.Add(new DoNotContactEntry { HospitalId = hospital.Hospital.Id, PatientId = unsubscribed.Id, Scope = DoNotContactScope.Sms, Reason = "短信退订", AddedAt = Now, AddedBy = "test" });
            db.Consents.Add(new FollowUpConsent { HospitalId = hospital.Hospital.Id, PatientId = withdrew.Id, Decision = ConsentDecision.Withdrawn, Method = ConsentMethod.Phone, DecidedAt = Now, RecordedAt = Now, RecordedBy = "test" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await JobAsync(hospital, sendAt.AddHours(-1)));
        await using (var db = hospital.Database.NewContext())
        {
            Assert.Single(await NoticesAsync(db, normal));
            foreach (var plan in new[] { cancelled, optedOut, noConsent })
                Assert.Empty(await NoticesAsync(db, plan));
            // Before its send moment a refused notice is looked at again (the patient may subscribe again) ...
            Assert.NotNull((await FirstCallAsync(db, optedOut)).NoticeAt);
        }
        Assert.Equal(1, await JobAsync(hospital, sendAt));
        await using (var db = hospital.Database.NewContext())
        {
            // ... from then on it is given up, as a refused notice always was, and the call no longer waits for it.
            Assert.Null((await FirstCallAsync(db, optedOut)).NoticeAt);
            Assert.Null((await FirstCallAsync(db, noConsent)).NoticeAt);
            Assert.Equal(TaskState.Cancelled, (await FirstCallAsync(db, cancelled)).State);
        }
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Where_consent_is_required_the_notice_waits_for_it_and_is_written_once_it_is_recorded(DatabaseProvider provider)
    {
        var (hospital, pathways) = await SetUpAsync(provider);
        await using var _h = hospital;
        var (patient, planId) = await PlanAsync(hospital, pathways[0], Discharge, Now);
        DateTime sendAt;
        await using (var db = hospital.Database.NewContext())
        {
            sendAt = (await FirstCallAsync(db, planId)).NoticeAt!.Value;
            var settings = ContactSettings.Defaults(hospital.Hospital.Id);
            settings.ConsentRequired = true;
            db.ContactSettings.Add(settings);
            await db.SaveChangesAsync();
        }
        Assert.Equal(0, await JobAsync(hospital, sendAt.AddHours(-2)));

        await using (var db = hospital.Database.NewContext())
        {
            db.Actor = Core.Audit.AuditActor.System("test");
            db.Consents.Add(new FollowUpConsent { HospitalId = hospital.Hospital.Id, PatientId = patient.Id, Decision = ConsentDecision.Given, Method = ConsentMethod.Phone, DecidedAt = sendAt.AddHours(-1.5), RecordedAt = sendAt.AddHours(-1.5), RecordedBy = "test" });
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await JobAsync(hospital, sendAt.AddHours(-1)));
    }
}

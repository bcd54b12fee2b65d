using System.Text.Json;
using Suifang.Core.Calls;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Security;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.Core.Tests.Contact;

/// The plan job's pre-call notices (PreCallNotices) load their patients' contact facts for the whole batch at once
/// (ContactFactsBatch); for every patient they must be the facts the gate loads for one SMS task (7.2.2, 8.1.1), each
/// patient's own and no other's: the
/// do-not-contact list by patient and by number (短信退订 included), the latest consent, today's attempts, reached calls
/// and the call marks (deceased, wrong number for the current number only, uncooperative).
public sealed class ContactFactsBatchTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0);

    [Theory, ClassData(typeof(Providers))]
    public async Task The_facts_loaded_for_many_patients_at_once_are_those_loaded_for_each_sms_task(DatabaseProvider provider)
    {
        await using var hospital = await TestHospital.CreateAsync(provider);
        var people = await hospital.AddAsync([.. Enumerable.Range(0, 8).Select(i =>
            hospital.Patient().Named($"患者{i}").WithPhone($"1380013{i:D4}").DischargedOn(Now.AddDays(-2), hospital.Cardiology.Id))]);
        var ids = people.Select(p => p.Id).ToList();
        var h = hospital.Hospital.Id;
        await using var db = hospital.Database.NewContext();
        db.DoNotContacts.AddRange(
            new DoNotContactEntry { HospitalId = h, PatientId = ids[1], Scope = DoNotContactScope.All, Reason = "家属要求", AddedAt = Now, AddedBy = "护士" },
            new DoNotContactEntry { HospitalId = h, PhoneIndex = people[2].PhoneIndex, Scope = DoNotContactScope.Sms, Reason = "短信退订", AddedAt = Now, AddedBy = "系统" },
            new DoNotContactEntry { HospitalId = h, PatientId = ids[3], Scope = DoNotContactScope.All, Reason = "已移除", AddedAt = Now, AddedBy = "护士", RemovedAt = Now });
        db.Consents.AddRange(
            new FollowUpConsent { HospitalId = h, PatientId = ids[3], Decision = ConsentDecision.Given, Method = ConsentMethod.Paper, DecidedAt = Now.AddDays(-3), RecordedAt = Now.AddDays(-3), RecordedBy = "护士" },
            new FollowUpConsent { HospitalId = h, PatientId = ids[3], Decision = ConsentDecision.Withdrawn, Method = ConsentMethod.Phone, DecidedAt = Now.AddDays(-1), RecordedAt = Now.AddDays(-1), RecordedBy = "护士" },
            new FollowUpConsent { HospitalId = h, PatientId = ids[4], Decision = ConsentDecision.Given, Method = ConsentMethod.Paper, DecidedAt = Now.AddDays(-3), RecordedAt = Now.AddDays(-3), RecordedBy = "护士" });
        db.PatientCallFlags.AddRange(
            new PatientCallFlag { HospitalId = h, PatientId = ids[5], Kind = CallFlagKind.Deceased, Reason = "家属告知已去世", At = Now },
            new PatientCallFlag { HospitalId = h, PatientId = ids[6], Kind = CallFlagKind.WrongNumber, PhoneIndex = people[6].PhoneIndex, Reason = "号码错误", At = Now },
            new PatientCallFlag { HospitalId = h, PatientId = ids[7], Kind = CallFlagKind.WrongNumber, PhoneIndex = "旧号码", Reason = "旧号码错误", At = Now },
            new PatientCallFlag { HospitalId = h, PatientId = ids[7], Kind = CallFlagKind.Uncooperative, Reason = "不愿配合", At = Now });
        // Patient 0: a call that reached them yesterday and an attempt today.
        var call = NewTask(h, hospital.CampusId, hospital.Cardiology.Id, ids[0], ChannelKind.AiCall, "c1", TaskState.Completed);
        call.FinishedAt = Now.AddDays(-1);
        var today = NewTask(h, hospital.CampusId, hospital.Cardiology.Id, ids[0], ChannelKind.AiCall, "c2", TaskState.Pending);
        db.Tasks.AddRange(call, today);
        await db.SaveChangesAsync();
        db.TaskAttempts.AddRange(
            new TaskAttempt { TaskId = call.Id, Number = 1, StartedAt = Now.AddDays(-1).AddHours(1), EffectKey = "e1" },
            new TaskAttempt { TaskId = today.Id, Number = 1, StartedAt = Now.AddHours(-1), EffectKey = "e2" });
        await db.SaveChangesAsync();

        var batch = await ContactFactsBatch.LoadAsync(db, h, ids, sms: true, Now, default);

        foreach (var id in ids)
        {
            var one = await ContactRulesGate.LoadFactsAsync(db, NewTask(h, hospital.CampusId, hospital.Cardiology.Id, id, ChannelKind.Sms, $"n{id}", TaskState.Pending), Now, default);
            Assert.Equal(JsonSerializer.Serialize(one), JsonSerializer.Serialize(batch[id]));
        }
        // The world is not trivial: each patient's facts differ from a plain patient's.
        Assert.Equal(ids.Count, ids.Select(id => JsonSerializer.Serialize(batch[id])).Distinct().Count());

        // A call heeds only entries for all contact: 短信退订 stops SMS, not a call.
        async Task<string?> CallStopFor(long id) => (await ContactRulesGate.LoadFactsAsync(db,
            NewTask(h, hospital.CampusId, hospital.Cardiology.Id, id, ChannelKind.AiCall, $"k{id}", TaskState.Pending), Now, default)).DoNotContactReason;
        Assert.Null(await CallStopFor(ids[2]));
        Assert.Equal("家属要求", await CallStopFor(ids[1]));
    }

    private static FollowUpTask NewTask(int hospitalId, int campusId, int departmentId, long patientId, ChannelKind channel, string key, TaskState state) => new()
    {
        HospitalId = hospitalId, CampusId = campusId, DepartmentId = departmentId, PatientId = patientId, Channel = channel,
        Queue = channel == ChannelKind.AiCall ? TaskQueues.AiCall : TaskQueues.Sms, State = state, IdempotencyKey = key,
        DueFrom = Now, DueTo = Now.AddDays(1), NextAttemptAt = Now, CreatedAt = Now, UpdatedAt = Now,
    };
}

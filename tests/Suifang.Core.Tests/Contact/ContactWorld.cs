using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Testing;

namespace Suifang.Core.Tests.Contact;

/// A test hospital with the contact rules' gate, and builders for plans, tasks and their attempts.
internal sealed class ContactWorld(TestHospital hospital) : IAsyncDisposable
{
    public static readonly DateTime Monday = Schedules.Monday;

    public TestHospital H { get; } = hospital;
    public IContactGate Gate { get; } = new ContactRulesGate(new ContactPolicies());

    public static async Task<ContactWorld> CreateAsync(DatabaseProvider provider) => new(await TestHospital.CreateAsync(provider));

    public async Task<Patient> PatientAsync(string name, string phone = "13812341234") =>
        (await H.AddAsync(H.Patient().Named(name).WithPhone(phone).DischargedOn(Monday.AddDays(-10), H.Cardiology.Id)))[0];

    public async Task<(FollowUpPlan Plan, PlanStep Step)> PlanAsync(Patient patient)
    {
        await using var db = H.Database.NewContext();
        var step = new PlanStep { Title = "出院后第7天随访", Label = "D+7", DueFrom = Monday.AddDays(-3), DueTo = Monday.AddDays(3), Channels = [new ChannelStep { Kind = ChannelKind.AiCall, Redials = 2 }] };
        var plan = new FollowUpPlan
        {
            HospitalId = H.Hospital.Id, CampusId = H.CampusId, PatientId = patient.Id, DepartmentId = H.Cardiology.Id,
            Source = PlanSource.Manual, AnchorTime = Monday.AddDays(-10), CreatedAt = Monday.AddDays(-10), Steps = [step],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return (plan, step);
    }

    /// A task of the patient; attempts are (start, reached?) — a reached last attempt completes the task.
    public async Task<FollowUpTask> TaskAsync(Patient patient, ChannelKind channel, TaskState state = TaskState.Due,
        long? planId = null, long? stepId = null, DateTime? dueTo = null, params DateTime[] attempts)
    {
        await using var db = H.Database.NewContext();
        var task = new FollowUpTask
        {
            HospitalId = H.Hospital.Id, CampusId = H.CampusId, PatientId = patient.Id, DepartmentId = H.Cardiology.Id,
            PlanId = planId, PlanStepId = stepId, Channel = channel, Queue = TaskQueues.For(channel), State = state,
            DueFrom = Monday.AddDays(-5), DueTo = dueTo ?? Monday.AddDays(5), NextAttemptAt = Monday.AddDays(-5),
            IdempotencyKey = "t:" + Guid.NewGuid().ToString("N"), CreatedAt = Monday.AddDays(-5), UpdatedAt = Monday.AddDays(-5),
            Attempts = attempts.Length, MaxAttempts = 3,
            FinishedAt = state == TaskState.Completed ? attempts.DefaultIfEmpty(Monday).Max() : null,
        };
        for (var i = 0; i < attempts.Length; i++)
            task.AttemptLog.Add(new TaskAttempt { Number = i + 1, StartedAt = attempts[i], EndedAt = attempts[i].AddMinutes(3), EffectKey = $"{task.IdempotencyKey}:{i + 1}" });
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }

    public async Task<ContactDecision> CheckAsync(FollowUpTask task, DateTime now)
    {
        await using var db = H.Database.NewContext();
        return await Gate.CheckAsync(db, task, now, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => H.DisposeAsync();
}

using Suifang.Core.Calls;
using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Statistics;

/// A hospital with three patients — 张一 (心血管内科, 李医生), 王二 (心血管内科, 王医生), 李三 (神经内科, 李医生) — and helpers that
/// write plan steps, their tasks, to-dos and calls exactly as the statistics read them.
internal sealed class StatisticsWorld : IAsyncDisposable
{
    public required TestHospital Hospital { get; init; }
    public required Patient Zhang { get; init; }
    public required Patient Wang { get; init; }
    public required Patient Li { get; init; }

    public static async Task<StatisticsWorld> CreateAsync(Core.Data.DatabaseProvider provider)
    {
        var hospital = await TestHospital.CreateAsync(provider);
        var discharge = new DateTime(2026, 10, 20, 10, 0, 0);
        var patients = await hospital.AddAsync(
            hospital.Patient().Named("张一").DischargedOn(discharge, hospital.Cardiology.Id, "李医生"),
            hospital.Patient().Named("王二").DischargedOn(discharge, hospital.Cardiology.Id, "王医生"),
            hospital.Patient().Named("李三").DischargedOn(discharge, hospital.Neurology.Id, "李医生"));
        return new StatisticsWorld { Hospital = hospital, Zhang = patients[0], Wang = patients[1], Li = patients[2] };
    }

    /// A plan step due at dueFrom with one task per (channel, state, attempts); returns the step id.
    public async Task<long> StepAsync(Patient patient, DateTime dueFrom, params (ChannelKind Channel, TaskState State, int Attempts)[] tasks)
    {
        await using var db = Hospital.Database.NewContext();
        var encounter = patient.Encounters[0];
        var plan = new FollowUpPlan
        {
            HospitalId = Hospital.Hospital.Id, CampusId = Hospital.CampusId, PatientId = patient.Id, EncounterId = encounter.Id,
            DepartmentId = encounter.DepartmentId, AnchorTime = encounter.AnchorTime, Source = PlanSource.Manual, CreatedAt = dueFrom.AddDays(-10),
        };
        var step = new PlanStep { Title = "随访", Label = "D+7", DueFrom = dueFrom, DueTo = dueFrom.AddDays(3), FirstChannel = tasks[0].Channel };
        plan.Steps.Add(step);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var index = 0;
        foreach (var (channel, state, attempts) in tasks)
        {
            db.Tasks.Add(new FollowUpTask
            {
                HospitalId = plan.HospitalId, CampusId = plan.CampusId, PatientId = patient.Id, DepartmentId = plan.DepartmentId,
                PlanId = plan.Id, PlanStepId = step.Id, ChannelIndex = index++, Channel = channel, Queue = TaskQueues.For(channel),
                State = state, Attempts = attempts, DueFrom = dueFrom, DueTo = step.DueTo, NextAttemptAt = dueFrom,
                IdempotencyKey = "t:" + Guid.NewGuid().ToString("N"), CreatedAt = dueFrom, UpdatedAt = dueFrom,
            });
        }
        await db.SaveChangesAsync();
        return step.Id;
    }

    public async Task TodoAsync(Patient patient, long stepId, TodoKind kind, string source, DateTime at)
    {
        await using var db = Hospital.Database.NewContext();
        db.Todos.Add(new TodoItem
        {
            HospitalId = Hospital.Hospital.Id, DepartmentId = patient.Encounters[0].DepartmentId, PatientId = patient.Id, PlanStepId = stepId,
            Kind = kind, Reason = "体温≥38.5℃", Source = source, CreatedAt = at,
        });
        await db.SaveChangesAsync();
    }

    /// An AI call of a new task of the patient; answered when end is not NotReached.
    public async Task<long> CallAsync(Patient patient, DateTime at, string period, string script, int version, CallEnd end, bool inbound = false)
    {
        await using var db = Hospital.Database.NewContext();
        var department = patient.Encounters[0].DepartmentId;
        var task = new FollowUpTask
        {
            HospitalId = Hospital.Hospital.Id, CampusId = Hospital.CampusId, PatientId = patient.Id, DepartmentId = department,
            Channel = ChannelKind.AiCall, Queue = TaskQueues.For(ChannelKind.AiCall), State = TaskState.Completed, DueFrom = at, DueTo = at.AddDays(1),
            NextAttemptAt = at, IdempotencyKey = "t:" + Guid.NewGuid().ToString("N"), CreatedAt = at, UpdatedAt = at,
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        var call = new Call
        {
            HospitalId = Hospital.Hospital.Id, CampusId = Hospital.CampusId, DepartmentId = department, PatientId = patient.Id, TaskId = task.Id,
            AttemptNumber = 1, EffectKey = $"task:{task.Id}:attempt:1", Period = period, ScriptKey = script, ScriptVersion = version,
            Telephony = "模拟电话网络", Simulated = true, NumberMasked = "138****0001", Status = CallStatus.Ended, StartedAt = at,
            AnsweredAt = end == CallEnd.NotReached ? null : at.AddSeconds(8), EndedAt = at.AddMinutes(2), End = end, Inbound = inbound,
        };
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    }

    public ValueTask DisposeAsync() => Hospital.DisposeAsync();
}

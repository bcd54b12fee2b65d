using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Plans;
using Suifang.Core.Statistics.Rollup;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Statistics;

/// Random follow-up data for the daily rollup tests: two departments, patients of three doctors (one written with
/// spaces), one without a doctor; plan steps from 2026-09-25 to 2026-12-05 with one to three tasks of random channels and
/// states, stand-alone tasks, abnormal / critical / red-flag to-dos from every source (some made days after the step),
/// and outbound and inbound calls with random nodes, scripts and endings, some of them just before midnight.
internal sealed class RollupWorld : IAsyncDisposable
{
    public static readonly DateOnly FirstDay = new(2026, 9, 25);
    public static readonly DateOnly LastDay = new(2026, 12, 5);

    public required TestHospital Hospital { get; init; }
    public required List<Patient> Patients { get; init; }

    public static async Task<RollupWorld> CreateAsync(DatabaseProvider provider, int seed, int steps = 160, int calls = 160)
    {
        var hospital = await TestHospital.CreateAsync(provider);
        var discharge = new DateTime(2026, 9, 20, 10, 0, 0);
        var (cardiology, neurology) = (hospital.Cardiology.Id, hospital.Neurology.Id);
        var patients = await hospital.AddAsync(
            hospital.Patient().Named("张一").DischargedOn(discharge, cardiology, "李医生"),
            hospital.Patient().Named("王二").DischargedOn(discharge, cardiology, "王医生"),
            hospital.Patient().Named("李三").DischargedOn(discharge, neurology, "李医生"),
            hospital.Patient().Named("赵四").DischargedOn(discharge, neurology, " 王医生 "),
            hospital.Patient().Named("钱五").DischargedOn(discharge, cardiology, null));
        var world = new RollupWorld { Hospital = hospital, Patients = patients };
        await world.FillAsync(new Random(seed), steps, calls);
        return world;
    }

    private static readonly ChannelKind[] Channels = [ChannelKind.AiCall, ChannelKind.Sms, ChannelKind.Questionnaire, ChannelKind.Manual];
    private static readonly TaskState[] States = Enum.GetValues<TaskState>();
    private static readonly TodoKind[] Kinds = [TodoKind.Abnormal, TodoKind.CriticalValue, TodoKind.RedFlag, TodoKind.Unreached];
    private static readonly string[] Sources = ["ai-call", "sms", "questionnaire", "manual", "his"];
    private static readonly CallEnd[] Ends = [CallEnd.Completed, CallEnd.Partial, CallEnd.NotReached, CallEnd.Refused];

    public DateTime RandomTime(Random r) =>
        FirstDay.ToDateTime(TimeOnly.MinValue).AddDays(r.Next(LastDay.DayNumber - FirstDay.DayNumber + 1))
            .AddSeconds(r.Next(10) == 0 ? 86_399 - r.Next(60) : r.Next(86_400));

    private async Task FillAsync(Random r, int steps, int calls)
    {
        await using var db = Hospital.Database.NewContext();
        var todos = new List<(PlanStep Step, Patient Patient)>();
        for (var i = 0; i < steps; i++)
        {
            var patient = Patients[r.Next(Patients.Count)];
            var encounter = patient.Encounters[0];
            var due = RandomTime(r);
            var plan = new FollowUpPlan
            {
                HospitalId = Hospital.Hospital.Id, CampusId = Hospital.CampusId, PatientId = patient.Id, EncounterId = encounter.Id,
                DepartmentId = encounter.DepartmentId, AnchorTime = encounter.AnchorTime, Source = PlanSource.Manual, CreatedAt = due.AddDays(-10),
            };
            var step = new PlanStep { Title = "随访", Label = "D+7", DueFrom = due, DueTo = due.AddDays(3), FirstChannel = ChannelKind.AiCall };
            plan.Steps.Add(step);
            db.Plans.Add(plan);
            for (var k = r.Next(1, 4); k > 0; k--)
                db.Tasks.Add(Task(patient, encounter.DepartmentId, Channels[r.Next(4)], States[r.Next(States.Length)], r.Next(4), due, plan, step, k));
            if (r.Next(3) == 0)
                todos.Add((step, patient));
        }
        for (var i = 0; i < steps / 8; i++)
        {
            var patient = Patients[r.Next(Patients.Count)];
            // The first one opens the first day at 00:00, so that every world starts on FirstDay.
            var due = i == 0 ? FirstDay.ToDateTime(TimeOnly.MinValue) : RandomTime(r);
            db.Tasks.Add(Task(patient, patient.Encounters[0].DepartmentId, Channels[r.Next(4)], TaskState.Completed - (i == 0 ? 0 : r.Next(5)), r.Next(3), due, null, null, 0));
        }
        await db.SaveChangesAsync();
        foreach (var (step, patient) in todos)
            for (var k = r.Next(1, 3); k > 0; k--)
                db.Todos.Add(new TodoItem
                {
                    HospitalId = Hospital.Hospital.Id, DepartmentId = r.Next(8) == 0 ? Hospital.Neurology.Id : patient.Encounters[0].DepartmentId,
                    PatientId = patient.Id, PlanStepId = step.Id, Kind = Kinds[r.Next(Kinds.Length)], Reason = "体温≥38.5℃",
                    Source = Sources[r.Next(Sources.Length)], CreatedAt = step.DueFrom.AddHours(r.Next(-24, 24 * 6)),
                });
        var anyTask = db.Tasks.Local.First().Id;
        for (var i = 0; i < calls; i++)
        {
            var patient = Patients[r.Next(Patients.Count)];
            var at = RandomTime(r);
            db.Calls.Add(new Call
            {
                HospitalId = Hospital.Hospital.Id, CampusId = Hospital.CampusId, DepartmentId = patient.Encounters[0].DepartmentId, PatientId = patient.Id,
                TaskId = anyTask, AttemptNumber = 1, EffectKey = "e:" + Guid.NewGuid().ToString("N"), Period = r.Next(5) == 0 ? null : "D+" + (r.Next(2) * 23 + 7),
                ScriptKey = "s" + r.Next(1, 3), ScriptVersion = r.Next(1, 3), Telephony = "模拟电话网络", Simulated = true, NumberMasked = "138****0001",
                Status = CallStatus.Ended, StartedAt = at, AnsweredAt = r.Next(3) == 0 ? null : at.AddSeconds(8), EndedAt = at.AddMinutes(2),
                End = Ends[r.Next(Ends.Length)], Inbound = r.Next(10) == 0,
            });
        }
        await db.SaveChangesAsync();
    }

    private FollowUpTask Task(Patient patient, int department, ChannelKind channel, TaskState state, int attempts, DateTime due, FollowUpPlan? plan,
        PlanStep? step, int index) => new()
    {
        HospitalId = Hospital.Hospital.Id, CampusId = Hospital.CampusId, PatientId = patient.Id, DepartmentId = department, Plan = plan, Step = step,
        ChannelIndex = index, Channel = channel, Queue = TaskQueues.For(channel), State = state, Attempts = attempts, DueFrom = due, DueTo = due.AddDays(3),
        NextAttemptAt = due, IdempotencyKey = "t:" + Guid.NewGuid().ToString("N"), CreatedAt = due, UpdatedAt = due,
    };

    public async Task<IReadOnlyList<RollupRun>> RollUpAsync(DateOnly today, DateTime now, int reRollDays = 3)
    {
        await using var db = Hospital.Database.NewContext();
        return await StatisticsRollup.RunAsync(db, today, now, new StatisticsRollupOptions { ReRollDays = reRollDays }, default);
    }

    public ValueTask DisposeAsync() => Hospital.DisposeAsync();
}

using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Todos;

/// Two patients in two departments and a way to add to-dos for them.
internal sealed class TodoWorld : IAsyncDisposable
{
    public static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);
    public required TestHospital Hospital { get; init; }
    public required Patient Zhang { get; init; }
    public required Patient Wang { get; init; }

    public static async Task<TodoWorld> CreateAsync(DatabaseProvider provider)
    {
        var hospital = await TestHospital.CreateAsync(provider);
        var people = await hospital.AddAsync(
            hospital.Patient().Named("张三").WithPhone("13800001111").DischargedOn(Now.AddDays(-7), hospital.Cardiology.Id, "李医生")
                .WithDiagnosis("I21.0", "急性前壁心肌梗死"),
            hospital.Patient().Named("王五").WithPhone("13900002222").OutpatientOn(Now.AddDays(-3), hospital.Neurology.Id, "赵医生")
                .WithDiagnosis("I63.9", "脑梗死"));
        return new TodoWorld { Hospital = hospital, Zhang = people[0], Wang = people[1] };
    }

    public async Task<TodoItem> AddAsync(Patient patient, int departmentId, TodoKind kind, TodoUrgency urgency, DateTime createdAt,
        Action<TodoItem>? change = null)
    {
        await using var db = Hospital.Database.NewContext();
        var todo = new TodoItem
        {
            HospitalId = Hospital.Hospital.Id, DepartmentId = departmentId, PatientId = patient.Id, Kind = kind, Urgency = urgency,
            Reason = $"{TodoText.Kind(kind)}：测试", Source = "ai-call", CreatedAt = createdAt,
        };
        change?.Invoke(todo);
        db.Todos.Add(todo);
        await db.SaveChangesAsync();
        return todo;
    }

    public ValueTask DisposeAsync() => Hospital.DisposeAsync();
}

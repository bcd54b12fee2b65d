using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Todos;

/// 5.1.6: the to-do list grouped 未处理 / 已处理, most urgent and longest waiting first, with filters on name, phone,
/// visit type, diagnosis, attending doctor, department, kind, urgency, source and "assigned to me"; scoped to the
/// user's departments (7.2.4.1).
public sealed class TodoListTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Open_group_is_sorted_by_urgency_then_age_and_both_groups_are_counted(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);
        var cardiology = world.Hospital.Cardiology.Id;
        var newNormal = await world.AddAsync(world.Zhang, cardiology, TodoKind.Unreached, TodoUrgency.Normal, TodoWorld.Now.AddHours(-1));
        var oldNormal = await world.AddAsync(world.Zhang, cardiology, TodoKind.Unreached, TodoUrgency.Normal, TodoWorld.Now.AddHours(-5));
        var critical = await world.AddAsync(world.Zhang, cardiology, TodoKind.RedFlag, TodoUrgency.Critical, TodoWorld.Now);
        await world.AddAsync(world.Zhang, cardiology, TodoKind.Abnormal, TodoUrgency.Urgent, TodoWorld.Now, t =>
        {
            t.Status = TodoStatus.Closed;
            t.ClosedAt = TodoWorld.Now;
        });

        var page = await RunAsync(world, world.Hospital.Supervisor(), new TodoListQuery());

        Assert.Equal([critical.Id, oldNormal.Id, newNormal.Id], page.Items.Select(r => r.Id));
        Assert.Equal((3, 1, 3), (page.OpenCount, page.ClosedCount, page.Total));
        Assert.Equal("138****1111", page.Items[0].PhoneMasked);
        var closed = await RunAsync(world, world.Hospital.Supervisor(), new TodoListQuery { Group = TodoStatus.Closed });
        Assert.Equal(TodoKind.Abnormal, Assert.Single(closed.Items).Kind);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_sees_only_her_departments_and_is_refused_another_department(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);
        var mine = await world.AddAsync(world.Zhang, world.Hospital.Cardiology.Id, TodoKind.Abnormal, TodoUrgency.Urgent, TodoWorld.Now);
        await world.AddAsync(world.Wang, world.Hospital.Neurology.Id, TodoKind.Abnormal, TodoUrgency.Urgent, TodoWorld.Now);
        var nurse = world.Hospital.Nurse(world.Hospital.Cardiology.Id);

        Assert.Equal([mine.Id], (await RunAsync(world, nurse, new TodoListQuery())).Items.Select(r => r.Id));
        await using var db = world.Hospital.Database.NewContext();
        var refused = await TodoList.RunAsync(db, world.Hospital.Protector, nurse, new TodoListQuery { DepartmentId = world.Hospital.Neurology.Id });
        Assert.Equal(Access.Forbidden, refused.Access);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Every_filter_narrows_the_list_to_the_matching_todos(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);
        var zhang = await world.AddAsync(world.Zhang, world.Hospital.Cardiology.Id, TodoKind.Abnormal, TodoUrgency.Urgent, TodoWorld.Now,
            t => t.AssignedToUserId = "sup-id");
        var wang = await world.AddAsync(world.Wang, world.Hospital.Neurology.Id, TodoKind.Unreached, TodoUrgency.Normal, TodoWorld.Now,
            t => t.Source = "task");
        var all = world.Hospital.Supervisor();

        async Task<long[]> Ids(TodoListQuery q) => (await RunAsync(world, all, q)).Items.Select(r => r.Id).ToArray();
        Assert.Equal([zhang.Id], await Ids(new() { Name = "张" }));
        Assert.Equal([wang.Id], await Ids(new() { Phone = "139 0000 2222" }));
        Assert.Equal([zhang.Id], await Ids(new() { Phone = "1111" }));
        Assert.Equal([zhang.Id], await Ids(new() { VisitType = VisitType.Discharged }));
        Assert.Equal([wang.Id], await Ids(new() { VisitType = VisitType.Outpatient }));
        Assert.Equal([zhang.Id], await Ids(new() { Diagnosis = "I21" }));
        Assert.Equal([wang.Id], await Ids(new() { Diagnosis = "脑梗" }));
        Assert.Equal([wang.Id], await Ids(new() { Doctor = "赵" }));
        Assert.Equal([zhang.Id], await Ids(new() { DepartmentId = world.Hospital.Cardiology.Id }));
        Assert.Equal([wang.Id], await Ids(new() { Kind = TodoKind.Unreached }));
        Assert.Equal([zhang.Id], await Ids(new() { Urgency = TodoUrgency.Urgent }));
        Assert.Equal([wang.Id], await Ids(new() { Source = "task" }));
        Assert.Equal([zhang.Id], await Ids(new() { AssignedToMe = true }));
        Assert.Empty(await Ids(new() { Name = "张", Kind = TodoKind.Unreached }));
    }

    [Fact]
    public void A_phone_that_is_neither_a_number_nor_four_digits_is_refused_in_chinese()
    {
        var errors = new TodoListQuery { Phone = "12" }.Validate();
        Assert.Contains("后 4 位", errors["phone"]);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Dashboard_counts_open_todos_by_urgency_and_kind_in_the_users_departments(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);
        var cardiology = world.Hospital.Cardiology.Id;
        await world.AddAsync(world.Zhang, cardiology, TodoKind.RedFlag, TodoUrgency.Critical, TodoWorld.Now, t => t.AssignedToUserId = "nurse-id");
        await world.AddAsync(world.Zhang, cardiology, TodoKind.Abnormal, TodoUrgency.Urgent, TodoWorld.Now);
        await world.AddAsync(world.Zhang, cardiology, TodoKind.Abnormal, TodoUrgency.Urgent, TodoWorld.Now, t => t.Status = TodoStatus.Closed);
        await world.AddAsync(world.Wang, world.Hospital.Neurology.Id, TodoKind.Abnormal, TodoUrgency.Normal, TodoWorld.Now);

        await using var db = world.Hospital.Database.NewContext();
        var counts = await TodoCounts.RunAsync(db, world.Hospital.Nurse(cardiology));

        Assert.Equal((2, 1, 1, 1, 1), (counts.Open, counts.ByUrgency[TodoUrgency.Critical], counts.ByUrgency[TodoUrgency.Urgent],
            counts.ByKind[TodoKind.Abnormal], counts.AssignedToMe));
        Assert.False(counts.ByUrgency.ContainsKey(TodoUrgency.Normal));
    }

    private static async Task<TodoListPage> RunAsync(TodoWorld world, Core.Accounts.StaffScope scope, TodoListQuery query)
    {
        await using var db = world.Hospital.Database.NewContext();
        var result = await TodoList.RunAsync(db, world.Hospital.Protector, scope, query);
        Assert.Equal(Access.Granted, result.Access);
        return result.Value!;
    }
}

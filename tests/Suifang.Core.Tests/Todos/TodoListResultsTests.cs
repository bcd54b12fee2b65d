using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Todos;
using Suifang.Testing;
using static Suifang.Core.Tests.Todos.TodoListOracle;

namespace Suifang.Core.Tests.Todos;

/// 5.1.6 / 7.2.4.1: the to-do list answers exactly what its rules say for every combination of filters, scopes, groups
/// and pages — checked against TodoListOracle, so that the queries can be made faster without changing any result.
public sealed class TodoListResultsTests
{
    private static readonly DateTime Now = TodoWorld.Now;

    [Theory, ClassData(typeof(Providers))]
    public async Task Every_filter_combination_lists_exactly_the_matching_todos_in_order_with_both_counts(DatabaseProvider provider)
    {
        await using var hospital = await TestHospital.CreateAsync(provider);
        var oracle = await WorldAsync(hospital);
        var checkedQueries = 0;
        foreach (var (scope, query) in Queries(hospital))
        {
            await using var db = hospital.Database.NewContext();
            var result = await TodoList.RunAsync(db, hospital.Protector, scope, query);
            var expected = oracle.Run(scope, query);
            var actual = result.Access == Access.Forbidden
                ? new Expected(true, [], 0, 0, 0, 0, 0, false)
                : new Expected(false, result.Value!.Items.Select(r => r.Id).ToArray(), result.Value.Page, result.Value.PageSize,
                    result.Value.Total, result.Value.OpenCount, result.Value.ClosedCount, result.Value.ClosedCountIsCapped);
            Assert.True(expected.Ids.SequenceEqual(actual.Ids) && expected with { Ids = [] } == actual with { Ids = [] },
                $"{scope.UserId} {query}\nexpected {expected} [{string.Join(",", expected.Ids)}]\nactual   {actual} [{string.Join(",", actual.Ids)}]");
            checkedQueries++;
        }
        Assert.True(checkedQueries > 300);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_closed_count_stops_at_the_cap_and_says_so_while_the_open_count_is_exact(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);
        var cardiology = world.Hospital.Cardiology.Id;
        await using (var db = world.Hospital.Database.NewContext())
        {
            db.Todos.AddRange(Enumerable.Range(0, TodoList.CountCap + 4).Select(i => new TodoItem
            {
                HospitalId = world.Hospital.Hospital.Id, DepartmentId = cardiology, PatientId = i % 2 == 0 ? world.Zhang.Id : world.Wang.Id,
                Kind = TodoKind.Abnormal, Reason = "测试", Source = "ai-call", CreatedAt = Now.AddDays(-1),
                Status = i < 3 ? TodoStatus.Open : TodoStatus.Closed, ClosedAt = i < 3 ? null : Now.AddMinutes(-i),
            }));
            await db.SaveChangesAsync();
        }
        await using (var db = world.Hospital.Database.NewContext())
        {
            var all = (await TodoList.RunAsync(db, world.Hospital.Protector, world.Hospital.Supervisor(), new TodoListQuery { Group = TodoStatus.Closed })).Value!;
            Assert.Equal((3, TodoList.CountCap, true, TodoList.CountCap), (all.OpenCount, all.ClosedCount, all.ClosedCountIsCapped, all.Total));
            Assert.Equal(Enumerable.Range(3, 20).Select(i => Now.AddMinutes(-i)), all.Items.Select(r => r.ClosedAt!.Value));
            Assert.Equal(($"{TodoList.CountCap}+", "3"), (all.ClosedCountShown, all.OpenCountShown));
        }
        await using (var db = world.Hospital.Database.NewContext())
        {
            // The rows past the cap stay reachable: the count stops, the list does not.
            var past = (await TodoList.RunAsync(db, world.Hospital.Protector, world.Hospital.Supervisor(),
                new TodoListQuery { Group = TodoStatus.Closed, Page = TodoList.CountCap / 20 + 1 })).Value!;
            Assert.Equal([Now.AddMinutes(-(TodoList.CountCap + 3))], past.Items.Select(r => r.ClosedAt!.Value));
        }
        await using (var db = world.Hospital.Database.NewContext())
        {
            // Zhang has the even ones: fewer than the cap, counted exactly.
            var zhang = (await TodoList.RunAsync(db, world.Hospital.Protector, world.Hospital.Supervisor(), new TodoListQuery { Group = TodoStatus.Closed, Name = "张三" })).Value!;
            Assert.Equal((2, Enumerable.Range(3, TodoList.CountCap + 1).Count(i => i % 2 == 0), false), (zhang.OpenCount, zhang.ClosedCount, zhang.ClosedCountIsCapped));
        }
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_filter_too_common_to_resolve_first_is_counted_within_the_newest_todos_and_lists_exact_rows(DatabaseProvider provider)
    {
        // Words of a diagnosis name are tested per to-do: counted among the first ScanWindow to-dos of the group.
        await using var world = await TodoWorld.CreateAsync(provider);
        var count = TodoList.ScanWindow + 10;
        await using (var db = world.Hospital.Database.NewContext())
        {
            db.Todos.AddRange(Enumerable.Range(0, count).Select(i => new TodoItem
            {
                HospitalId = world.Hospital.Hospital.Id, DepartmentId = world.Hospital.Cardiology.Id, PatientId = i % 2 == 0 ? world.Zhang.Id : world.Wang.Id,
                Kind = TodoKind.Abnormal, Reason = "测试", Source = "ai-call", CreatedAt = Now.AddMinutes(-i),
            }));
            await db.SaveChangesAsync();
        }
        async Task<TodoListPage> Page(int page)
        {
            await using var db = world.Hospital.Database.NewContext();
            return (await TodoList.RunAsync(db, world.Hospital.Protector, world.Hospital.Supervisor(), new TodoListQuery { Diagnosis = "心肌梗死", Page = page })).Value!;
        }

        // Oldest first: the window holds i = count-1 … 10, Zhang's are the even ones.
        var first = await Page(1);
        var inWindow = Enumerable.Range(10, TodoList.ScanWindow).Count(i => i % 2 == 0);
        Assert.Equal((inWindow, true, $"{inWindow}+"), (first.OpenCount, first.OpenCountIsCapped, first.OpenCountShown));
        Assert.Equal(Enumerable.Range(0, 20).Select(k => Now.AddMinutes(-(count - 2 - 2 * k))), first.Items.Select(r => r.CreatedAt));
        var zhang = Enumerable.Range(0, count).Where(i => i % 2 == 0).OrderByDescending(i => i).ToList();
        var last = await Page(zhang.Count / 20 + 1);
        Assert.Equal(zhang.Skip(zhang.Count / 20 * 20).Select(i => Now.AddMinutes(-i)), last.Items.Select(r => r.CreatedAt));
    }

    /// Six patients (two with the same last four digits, one with a family phone, one with a deleted encounter, one with
    /// none) and 120 to-dos over both departments, kinds, urgencies, sources, assignees and both groups, with equal times
    /// so that the tie-breaks of the order count.
    private static async Task<TodoListOracle> WorldAsync(TestHospital hospital)
    {
        var cardiology = hospital.Cardiology.Id;
        var neurology = hospital.Neurology.Id;
        var people = await hospital.AddAsync(
            hospital.Patient().Named("张三").WithPhone("13800001111").WithFamilyPhone("13700009999")
                .DischargedOn(Now.AddDays(-7), cardiology, "李医生").WithDiagnosis("I21.0", "急性前壁心肌梗死")
                .OutpatientOn(Now.AddDays(-30), cardiology, "王医生").WithDiagnosis("I10.x00", "原发性高血压"),
            hospital.Patient().Named("张伟").WithPhone("13800002222").OutpatientOn(Now.AddDays(-3), neurology, "赵医生").WithDiagnosis("I63.9", "脑梗死"),
            hospital.Patient().Named("王五").WithPhone("13900003333").InHospitalSince(Now.AddDays(-2), neurology, "赵医生").WithDiagnosis("I61.9", "脑出血"),
            hospital.Patient().Named("欧阳明").WithPhone("13600001111").DischargedOn(Now.AddDays(-20), cardiology, "李明").WithDiagnosis("E11.9", "2型糖尿病"),
            hospital.Patient().Named("李四").WithPhone("13500004444").OutpatientOn(Now.AddDays(-9), cardiology, "李医生").WithDiagnosis("I21.9", "急性心肌梗死")
                .InHospitalSince(Now.AddDays(-1), neurology, "孙医生").WithDiagnosis("C34.9", "肺恶性肿瘤"),
            hospital.Patient().Named("王芳").WithPhone("13300005555"));
        await using (var db = hospital.Database.NewContext())
            await db.Encounters.Where(e => e.PrimaryDiagnosisCode == "C34.9").ExecuteUpdateAsync(s => s.SetProperty(e => e.DeletedAt, Now));
        var facts = people.Select(p => new PatientFacts(p.Id, p.Name, Phone(p.Name), p.Name == "张三" ? "13700009999" : null,
            p.Encounters.Select(e => new EncounterFacts(e.VisitType, e.AttendingDoctor, e.PrimaryDiagnosisCode, e.PrimaryDiagnosisName,
                e.PrimaryDiagnosisCode == "C34.9")).ToList())).ToList();

        var rng = new Random(516);
        var todos = Enumerable.Range(0, 120).Select(i =>
        {
            var closed = rng.Next(2) == 0;
            var created = Now.AddHours(-rng.Next(1, 12));
            return new TodoItem
            {
                HospitalId = hospital.Hospital.Id, DepartmentId = rng.Next(3) == 0 ? neurology : cardiology,
                PatientId = people[rng.Next(people.Count)].Id, Kind = (TodoKind)(1 + rng.Next(3)), Urgency = (TodoUrgency)rng.Next(3),
                Reason = "测试", Source = rng.Next(4) == 0 ? "task" : "ai-call", CreatedAt = created,
                Status = closed ? TodoStatus.Closed : TodoStatus.Open, ClosedAt = closed ? created.AddMinutes(30 * rng.Next(4)) : null,
                AssignedToUserId = rng.Next(3) switch { 0 => "nurse-id", 1 => "sup-id", _ => null },
            };
        }).ToList();
        await using (var db = hospital.Database.NewContext())
        {
            db.Todos.AddRange(todos);
            await db.SaveChangesAsync();
        }
        return new TodoListOracle(hospital.Hospital.Id, facts, todos);

        static string Phone(string name) => name switch
        {
            "张三" => "13800001111", "张伟" => "13800002222", "王五" => "13900003333", "欧阳明" => "13600001111", "李四" => "13500004444", _ => "13300005555",
        };
    }

    /// Every single filter with each of its values, then 300 random combinations of them, each in both groups.
    private static IEnumerable<(StaffScope, TodoListQuery)> Queries(TestHospital hospital)
    {
        var cardiology = hospital.Cardiology.Id;
        var neurology = hospital.Neurology.Id;
        StaffScope[] scopes = [hospital.Supervisor(), hospital.Nurse(cardiology), hospital.Nurse(cardiology, neurology), hospital.Nurse(neurology)];
        Func<TodoListQuery, TodoListQuery>[][] filters =
        [
            [q => q with { Name = "张" }, q => q with { Name = " 张三 " }, q => q with { Name = "王" }, q => q with { Name = "欧阳" }, q => q with { Name = "赵" }],
            [q => q with { Phone = "1111" }, q => q with { Phone = "138 0000 2222" }, q => q with { Phone = "13700009999" }, q => q with { Phone = "4444" }],
            [q => q with { VisitType = VisitType.Outpatient }, q => q with { VisitType = VisitType.Inpatient }, q => q with { VisitType = VisitType.Discharged }],
            [q => q with { Diagnosis = "I21" }, q => q with { Diagnosis = "i6" }, q => q with { Diagnosis = "梗死" }, q => q with { Diagnosis = "C34" }, q => q with { Diagnosis = "E11.9" }],
            [q => q with { Doctor = "李" }, q => q with { Doctor = "赵医生" }, q => q with { Doctor = "孙" }],
            [q => q with { DepartmentId = cardiology }, q => q with { DepartmentId = neurology }],
            [q => q with { Kind = TodoKind.Unreached }, q => q with { Kind = TodoKind.Abnormal }],
            [q => q with { Urgency = TodoUrgency.Normal }, q => q with { Urgency = TodoUrgency.Critical }],
            [q => q with { Source = "task" }, q => q with { Source = " ai-call " }],
            [q => q with { AssignedToMe = true }],
            [q => q with { Page = 2, PageSize = 5 }, q => q with { Page = 3, PageSize = 7 }, q => q with { Page = 40, PageSize = 20 }, q => q with { PageSize = 100 }],
        ];
        foreach (var group in new[] { TodoStatus.Open, TodoStatus.Closed })
        {
            var start = new TodoListQuery { Group = group };
            foreach (var scope in scopes)
                yield return (scope, start);
            foreach (var filter in filters.SelectMany(f => f))
                foreach (var scope in scopes)
                    yield return (scope, filter(start));
        }
        var rng = new Random(6);
        for (var i = 0; i < 300; i++)
        {
            var query = new TodoListQuery { Group = (TodoStatus)(i % 2) };
            foreach (var dimension in filters)
                if (rng.Next(3) == 0)
                    query = dimension[rng.Next(dimension.Length)](query);
            yield return (scopes[rng.Next(scopes.Length)], query);
        }
    }
}
